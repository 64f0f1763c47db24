--liquibase formatted sql

--changeset dossierpost:031-inbox-claims
-- Claims on agency inbox files, so that several nodes reading one inbox folder apply each file once:
-- Camel's JDBC idempotent repository (camel-sql, integration/InboxClaims) under its own table and
-- column names. A row is a file being applied by a node (processorName "inbox", messageId
-- "<agency code>/<file name>"); the node renews createdAt while it works and deletes the row when the
-- file has moved to .done/ or .failed/ (or was left for a later poll). A row older than
-- handover.inboxClaimTimeout is a node that died mid-file: another node takes the file over.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName  varchar(255) NOT NULL,
    messageId      varchar(1000) NOT NULL,
    createdAt      timestamptz NOT NULL,  -- the database's clock (InboxClaims), never a node's
    PRIMARY KEY (processorName, messageId)
);

--changeset dossierpost:031-rate-limits
-- The public limits' token buckets (tracking, home pickup bookings) when tracking.sharedLimits is on,
-- so that every node behind a load balancer counts against one budget per client. A row is a client's
-- bucket: its tokens as last refilled. UNLOGGED: no WAL for a write on every public request; a crash
-- of the database empties the table, which only gives every client a full bucket again.
CREATE UNLOGGED TABLE rate_limit (
    bucket       text NOT NULL,
    client       text NOT NULL,
    tokens       double precision NOT NULL,
    refilled_at  timestamptz NOT NULL,
    PRIMARY KEY (bucket, client)
);
