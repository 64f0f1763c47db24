--liquibase formatted sql

--changeset dossierpost:019-agency-late-notices
-- An agency's notice applied although it came later than the law allows (Decree 61/2018 Arts. 18-19):
-- a new appointment sent too close to the old one, a supplement request sent too long after the
-- receipt (the agency's fault). Null when on time or not such a notice; the reports count them.
ALTER TABLE agency_event ADD COLUMN late_notice text
    CHECK (late_notice IN ('LATE_DELAY_NOTICE', 'LATE_SUPPLEMENT_REQUEST'));
