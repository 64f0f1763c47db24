--liquibase formatted sql

--changeset dossierpost:015-identity-and-filer
-- An applicant is identified by a CCCD, a passport (foreigners) or a tax code (organisations): the
-- type goes beside the number, which stays in applicant_citizen_id (every dossier so far has a CCCD).
ALTER TABLE dossier
    ADD COLUMN applicant_id_type text NOT NULL DEFAULT 'CCCD'
        CHECK (applicant_id_type IN ('CCCD', 'PASSPORT', 'TAX_CODE'));
-- Who filed on the applicant's behalf (người nộp thay), with the applicant's authorisation: all or nothing.
ALTER TABLE dossier
    ADD COLUMN filer_name text,
    ADD COLUMN filer_id_type text CHECK (filer_id_type IN ('CCCD', 'PASSPORT')),
    ADD COLUMN filer_id_number text,
    ADD COLUMN filer_relation text,
    ADD COLUMN filer_authorisation text,
    ADD CONSTRAINT dossier_filer_complete CHECK (
        (filer_name IS NULL) = (filer_id_type IS NULL)
        AND (filer_name IS NULL) = (filer_id_number IS NULL)
        AND (filer_name IS NULL) = (filer_relation IS NULL)
        AND (filer_name IS NULL) = (filer_authorisation IS NULL));
-- Whether the law lets someone else file the procedure. The catalogue import writes it from
-- catalogue.json (proxyAllowed, true when left out); the reference data loaded by 002 is set here.
ALTER TABLE procedure ADD COLUMN proxy_allowed boolean NOT NULL DEFAULT true;
-- Judicial record No. 2: Luật Lý lịch tư pháp 2009, Art. 46 forbids filing it through a proxy.
UPDATE procedure SET proxy_allowed = false WHERE code = '9.000101';
