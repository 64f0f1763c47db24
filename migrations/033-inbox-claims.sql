--liquibase formatted sql

--changeset dossierpost:033-inbox-claims
-- Claims on agency inbox files, so that several nodes reading one inbox folder (NFS, one SFTP landing
-- folder) apply each file once (service/handover/InboxClaimStore, integration/InboxClaims). The key is
-- "<agency's inbox folder>/<file name>/<last modified, ms>/<length>": the same name dropped again later,
-- with other content or at another time, is a new claim. A row is never renewed: one older than
-- handover.inboxClaimTimeout (by the database's clock) may be taken over by another node, which is how a
-- file left by a node killed mid-file is applied; a file applied in full has moved out of the inbox by
-- then. Rows older than a day are deleted (the index on claimed_at).
CREATE TABLE inbox_claim (
    claim_key   text PRIMARY KEY,
    claimed_by  text NOT NULL,
    claimed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbox_claim_claimed_at ON inbox_claim (claimed_at);
