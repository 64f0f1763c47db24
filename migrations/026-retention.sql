--liquibase formatted sql

--changeset dossierpost:026-retention
-- Records are kept at least five years after a dossier is closed (TT 17/2017); after that the
-- retention purge removes its scans and replaces the applicant's personal data by a tombstone,
-- keeping the dossier, its timeline and its money records.
-- An administrator's hold keeps a dossier out of the purge (a dispute or an inquiry the system does
-- not see as an open complaint or an unpaid incident); one hold per dossier, lifted by deleting it.
CREATE TABLE retention_hold (
    dossier_id  bigint PRIMARY KEY REFERENCES dossier(id),
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    held_by     text NOT NULL,
    held_at     timestamptz NOT NULL
);

-- Every purge, one row per dossier, written in the purge's transaction: what went and when.
-- bytes_removed is the size of the scan records removed; a blob another dossier still uses stays.
CREATE TABLE retention_purge (
    dossier_id     bigint PRIMARY KEY REFERENCES dossier(id),
    code           text NOT NULL,
    purged_at      timestamptz NOT NULL,
    files_removed  integer NOT NULL CHECK (files_removed >= 0),
    bytes_removed  bigint NOT NULL CHECK (bytes_removed >= 0)
);
