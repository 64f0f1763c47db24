--liquibase formatted sql

--changeset dossierpost:010-dossier-search
-- Finding a dossier at the counter (/counter/ho-so) by CCCD, phone or the applicant's name, at a
-- million dossiers and more. Code and S10 numbers are unique columns already, so indexed.

-- A name is found by its words: "hong nhung" or "nguyen van an", typed without diacritics or with,
-- finds every applicant whose name has all those words, in any order. A clerk searches their own
-- office, so their index holds each word prefixed with the office ("100000:nhung"): the lists to
-- intersect are one office's, not the country's. Measured at a million dossiers over 7 offices: 1-6 ms
-- a search, against 7-14 ms with the office as a separate column of the index (btree_gin) and 25-50 ms
-- with trigrams (pg_trgm, "contains" on the whole name), whose lists for syllables as common as "an "
-- are long. A supervisor searches every office through the plain words.

-- The name as searched: lower case, Vietnamese diacritics removed (đ to d), spaces collapsed, so
-- "nguyen thi hong" folds as "Nguyễn Thị Hồng" does. translate() rather than unaccent(): unaccent is
-- not IMMUTABLE, so it could not fill a generated column. Names are stored in NFC (intake), whose
-- precomposed letters are the ones listed here. DossierSearch.fold does the same to what is typed.
CREATE FUNCTION dossier_fold(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
'SELECT regexp_replace(lower(translate(name,
  ''àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ'',
  ''aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'')),
  ''\s+'', '' '', ''g'')';

-- Filled by the database on every insert and name change: intake and bulk loads need not know it.
ALTER TABLE dossier ADD COLUMN applicant_name_words text[]
    GENERATED ALWAYS AS (string_to_array(dossier_fold(applicant_name), ' ')) STORED;
CREATE INDEX dossier_name_words ON dossier USING gin (applicant_name_words);

CREATE FUNCTION dossier_office_words(office text, words text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
'SELECT array_agg(office || '':'' || w) FROM unnest(words) w';
CREATE INDEX dossier_office_name_words ON dossier USING gin (dossier_office_words(office_code, applicant_name_words));

-- One person has few dossiers, so the identity columns lead (a supervisor searches every office
-- with the same index); id for newest first and the keyset page.
CREATE INDEX dossier_citizen_id ON dossier (applicant_citizen_id, id);
CREATE INDEX dossier_phone ON dossier (applicant_phone, id);

-- The counter's "today": what one office took in since midnight.
CREATE INDEX dossier_office_received_at ON dossier (office_code, received_at);

-- Results held at an office for the applicant (DeliveryDAO.heldAt): unfinished items with a holding date.
CREATE INDEX delivery_held ON delivery (office_code, held_until, dossier_id) WHERE finished_at IS NULL AND held_until IS NOT NULL;
