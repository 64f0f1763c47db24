--liquibase formatted sql

--changeset dossierpost:006-notifications
-- Messages to the applicant (TT 17/2017 Art. 12: tell them when the dossier reached the agency and
-- the appointment date; also supplements, refusal, delay, result ready). One row per message and
-- channel, written in the transaction of the state change with the text already rendered, then sent
-- by routes/notifications.yaml.
-- A table of its own rather than outbox rows: the row is also the record of what the applicant was
-- told and whether it went out (staff read it under /api/dossiers/{code}/notifications), so it keeps
-- the text, the recipient and the outcome; the claim works as the outbox's does (FOR UPDATE SKIP
-- LOCKED and a lease), and the outbox keeps only handover work, its health check unchanged.
CREATE TABLE notification (
    id            bigserial PRIMARY KEY,
    dossier_id    bigint NOT NULL REFERENCES dossier(id),
    kind          text NOT NULL,
    channel       text NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    recipient     text NOT NULL,
    subject       text,                   -- e-mail only
    body          text NOT NULL,
    created_at    timestamptz NOT NULL,
    available_at  timestamptz NOT NULL,   -- not before (retry backoff)
    attempts      integer NOT NULL DEFAULT 0,
    lease_until   timestamptz,            -- claimed by a sender until then
    sent_at       timestamptz,
    failed_at     timestamptz,            -- given up (past the retry age, or refused for good)
    last_error    text
);
CREATE INDEX notification_pending ON notification (available_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX notification_dossier ON notification (dossier_id, id);
