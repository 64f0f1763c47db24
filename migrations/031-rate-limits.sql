--liquibase formatted sql

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
