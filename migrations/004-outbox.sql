--liquibase formatted sql

--changeset dossierpost:004-outbox
-- What must leave the system (a dossier to hand over to its agency, later notifications) is written
-- here in the same transaction as the state change that causes it; routes pick rows up with
-- FOR UPDATE SKIP LOCKED and a lease, so a crash loses nothing and several nodes never send twice.
CREATE TABLE outbox (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL,
    dossier_id    bigint REFERENCES dossier(id),
    agency_code   text REFERENCES agency(code),
    payload       jsonb,
    created_at    timestamptz NOT NULL,
    available_at  timestamptz NOT NULL,   -- not before (retry backoff)
    attempts      integer NOT NULL DEFAULT 0,
    lease_until   timestamptz,            -- claimed by a sender until then
    done_at       timestamptz,
    last_error    text
);
CREATE INDEX outbox_pending ON outbox (kind, available_at) WHERE done_at IS NULL;
CREATE UNIQUE INDEX outbox_one_pending_handover ON outbox (dossier_id) WHERE kind = 'HANDOVER' AND done_at IS NULL;
