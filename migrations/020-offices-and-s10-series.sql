--liquibase formatted sql

--changeset dossierpost:020-office-communes
-- The office serving each commune: results delivered to an address there go through it (its couriers
-- deliver them). One office per commune; a commune with no row is served by the office that took the
-- dossier in. Seeded so that every commune of a province with an office is served: by the office in
-- the same commune (the lowest code if several), else by the province's first office (lowest code).
-- An administrator changes it with PUT /api/offices/{code}/communes.
CREATE TABLE office_commune (
    commune_code  char(5) PRIMARY KEY REFERENCES commune(code),
    office_code   text NOT NULL REFERENCES post_office(code)
);
CREATE INDEX office_commune_office ON office_commune (office_code);

INSERT INTO office_commune (commune_code, office_code)
SELECT c.code,
       (SELECT o.code FROM post_office o WHERE o.province_code = c.province_code
        ORDER BY (o.commune_code = c.code) DESC, o.code LIMIT 1)
FROM commune c
WHERE EXISTS (SELECT 1 FROM post_office o WHERE o.province_code = c.province_code);

-- The office that delivers the result (or holds it for collection), chosen at intake from the
-- delivery address; null for dossiers taken in before: their intake office delivers.
ALTER TABLE dossier ADD COLUMN delivery_office_code text REFERENCES post_office(code);

--changeset dossierpost:020-s10-series
-- S10 numbers are issued in series: a prefix (service indicator) and a range of serials given to an
-- office; each number is taken from the office's oldest series with numbers left, in the statement
-- that moves next_serial on, so two intakes never get the same one. A series is used up when
-- next_serial passes serial_to. Series of one prefix never overlap (checked when one is loaded).
CREATE TABLE s10_series (
    id           bigserial PRIMARY KEY,
    office_code  text REFERENCES post_office(code),   -- null: the numbers issued before series existed
    prefix       char(2) NOT NULL CHECK (prefix ~ '^[A-Z]{2}$'),
    serial_from  bigint NOT NULL,
    serial_to    bigint NOT NULL,
    next_serial  bigint NOT NULL,
    loaded_at    timestamptz NOT NULL,
    loaded_by    text NOT NULL,
    CHECK (0 <= serial_from AND serial_from <= serial_to AND serial_to <= 99999999),
    CHECK (next_serial BETWEEN serial_from AND serial_to + 1)
);
CREATE INDEX s10_series_open ON s10_series (office_code, id) WHERE next_serial <= serial_to;

-- What the old global sequence (s10_serial) issued, and any higher serial found on an item, is kept
-- as one used-up series per prefix in use, so no series loaded later can issue those numbers again.
INSERT INTO s10_series (office_code, prefix, serial_from, serial_to, next_serial, loaded_at, loaded_by)
SELECT NULL, p.prefix, 1, l.serial, l.serial + 1, now(), 'migration 020'
FROM (SELECT left(s10_number, 2) AS prefix FROM dossier WHERE s10_number IS NOT NULL
      UNION SELECT left(s10_number, 2) FROM delivery
      UNION SELECT COALESCE((SELECT left(s10_number, 2) FROM dossier WHERE s10_number IS NOT NULL
                             ORDER BY id DESC LIMIT 1), 'EH')) p,
     (SELECT GREATEST(
          (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM s10_serial),
          (SELECT COALESCE(max(substr(s10_number, 3, 8)::bigint), 0) FROM dossier),
          (SELECT COALESCE(max(substr(return_s10_number, 3, 8)::bigint), 0) FROM dossier),
          (SELECT COALESCE(max(substr(s10_number, 3, 8)::bigint), 0) FROM delivery)) AS serial) l
WHERE l.serial > 0;

-- Then one series of a million numbers per office, in office code order, right after them, with the
-- prefix of the newest dossier (EH, the former configured service indicator, when there is none).
INSERT INTO s10_series (office_code, prefix, serial_from, serial_to, next_serial, loaded_at, loaded_by)
SELECT o.code, p.prefix, s.start + (o.n - 1) * 1000000, s.start + o.n * 1000000 - 1,
       s.start + (o.n - 1) * 1000000, now(), 'migration 020'
FROM (SELECT code, row_number() OVER (ORDER BY code) AS n FROM post_office) o,
     (SELECT COALESCE(max(serial_to), 0) + 1 AS start FROM s10_series) s,
     (SELECT COALESCE((SELECT left(s10_number, 2) FROM dossier WHERE s10_number IS NOT NULL
                       ORDER BY id DESC LIMIT 1), 'EH') AS prefix) p;
