--liquibase formatted sql

--changeset dossierpost:007-agency-events
-- Every event an agency sent, by its own id: applying is idempotent on (agency, event id), and a
-- resent event gets the answer the first one got (status and body), whatever happened since.
CREATE TABLE agency_event (
    agency_code    text NOT NULL REFERENCES agency(code),
    event_id       text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
    dossier_id     bigint REFERENCES dossier(id),
    dossier_code   text NOT NULL,
    type           text NOT NULL,
    at             timestamptz,
    received_at    timestamptz NOT NULL,
    source         text NOT NULL,          -- HTTP, or the inbox file and line
    outcome        text NOT NULL CHECK (outcome IN ('APPLIED', 'STALE', 'CONFLICT', 'NOT_FOUND')),
    answer_status  integer NOT NULL,
    answer         text NOT NULL,
    PRIMARY KEY (agency_code, event_id)
);
CREATE INDEX agency_event_dossier ON agency_event (dossier_id, type);

-- The agency's reference for the result it reports ready (what the post collects on the return leg).
ALTER TABLE dossier ADD COLUMN result_reference text;

-- The agencies' sync view pages through an agency's dossiers by last change.
CREATE INDEX dossier_agency_updated ON dossier (agency_code, updated_at, id);
