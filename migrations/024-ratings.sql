--liquibase formatted sql

--changeset dossierpost:024-ratings
-- The applicant's rating of the service, asked once the result is in their hands: the message carries
-- a link with a one-time token (only its SHA-256 is kept), the rating is 1–5 with an optional comment,
-- once per dossier, without signing in.
CREATE TABLE rating_invitation (
    dossier_id bigint PRIMARY KEY REFERENCES dossier(id),
    token_hash bytea NOT NULL UNIQUE,
    invited_at timestamptz NOT NULL
);

CREATE TABLE rating (
    dossier_id bigint PRIMARY KEY REFERENCES dossier(id),
    score      smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment    text,
    rated_at   timestamptz NOT NULL
);
CREATE INDEX rating_rated_at ON rating (rated_at);
