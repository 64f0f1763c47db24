--liquibase formatted sql

--changeset dossierpost:009-web-sessions
-- Sessions of staff signed in to the web pages (auth/WebSessions). The browser holds a random token
-- in the cookie dossierpost_session; only its SHA-256 is kept here, as for API tokens. A session
-- ends when its user signs out, is deactivated, or has not been seen for web.sessionIdleTimeout.
CREATE TABLE web_session (
    token_hash    text PRIMARY KEY,
    username      text NOT NULL REFERENCES app_user(username) ON DELETE CASCADE,
    csrf_token    text NOT NULL,          -- sent back with every state-changing form and htmx request
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL
);
CREATE INDEX web_session_last_seen ON web_session (last_seen_at);
CREATE INDEX web_session_username ON web_session (username);

-- Wrong passwords in a row per username as typed (known or not, so the answer tells nothing about
-- which usernames exist); web.maxFailedSignIns of them lock the username for web.signInLockout.
CREATE TABLE web_sign_in_failure (
    username         text PRIMARY KEY,
    failures         integer NOT NULL,
    last_failure_at  timestamptz NOT NULL,
    locked_until     timestamptz
);
