--liquibase formatted sql

--changeset dossierpost:014-given-up
-- What was given up (a message to an applicant, a notice to an agency, a handover become a dead
-- letter) keeps the health check "given-up" unhealthy until an operator has looked at it: who and when.
ALTER TABLE notification
    ADD COLUMN given_up_seen_at timestamptz,
    ADD COLUMN given_up_seen_by text;
ALTER TABLE outbox
    ADD COLUMN given_up_seen_at timestamptz,
    ADD COLUMN given_up_seen_by text;
ALTER TABLE handover
    ADD COLUMN given_up_seen_at timestamptz,
    ADD COLUMN given_up_seen_by text;
