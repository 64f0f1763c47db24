--liquibase formatted sql

--changeset dossierpost:010-dossier-search
-- Finding a dossier at the counter (/counter/ho-so) by CCCD, phone or the applicant's name, at a
-- million dossiers and more. Code and S10 numbers are unique columns already, so indexed.

-- Trigram indexes let "contains" searches on names use an index (ships with PostgreSQL's contrib,
-- which the embedded server carries).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The name as searched: lower case, Vietnamese diacritics removed (đ to d), spaces collapsed, so
-- "nguyen thi hong" finds "Nguyễn Thị Hồng Nhung". translate() rather than unaccent(): unaccent is
-- not IMMUTABLE, so it could not fill a generated column. Names are stored in NFC (intake), whose
-- precomposed letters are the ones listed here. DossierSearch.fold does the same to what is typed.
CREATE FUNCTION dossier_fold(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
'SELECT regexp_replace(lower(translate(name,
  ''àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ'',
  ''aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'')),
  ''\s+'', '' '', ''g'')';

-- Filled by the database on every insert and name change: intake and bulk loads need not know it.
ALTER TABLE dossier ADD COLUMN applicant_name_folded text GENERATED ALWAYS AS (dossier_fold(applicant_name)) STORED;
CREATE INDEX dossier_name_folded_trgm ON dossier USING gin (applicant_name_folded gin_trgm_ops);

-- One person has few dossiers, so the identity columns lead (a supervisor searches every office
-- with the same index); id for newest first and the keyset page.
CREATE INDEX dossier_citizen_id ON dossier (applicant_citizen_id, id);
CREATE INDEX dossier_phone ON dossier (applicant_phone, id);

-- The counter's "today": what one office took in since midnight.
CREATE INDEX dossier_office_received_at ON dossier (office_code, received_at);
