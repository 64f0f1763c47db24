--liquibase formatted sql

--changeset dossierpost:012-agency-changes
-- Every change an administrator makes to an agency (its settings, its channel, the office collecting
-- its results), with who made it and when: where an agency's data goes is worth an audit trail. The
-- agency as it was and as it became, as JSON; secrets and passwords only as set or not, and changed
-- or not (service/catalogue/AgencySnapshots).
CREATE TABLE agency_change (
    id           bigserial PRIMARY KEY,
    agency_code  text NOT NULL REFERENCES agency(code),
    changed_by   text NOT NULL,
    changed_at   timestamptz NOT NULL DEFAULT now(),
    before       jsonb,                  -- null when the agency was created
    after        jsonb NOT NULL
);
CREATE INDEX agency_change_agency ON agency_change (agency_code, id);
