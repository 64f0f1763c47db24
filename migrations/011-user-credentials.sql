--liquibase formatted sql

--changeset dossierpost:011-user-credentials
-- Credentials that can be changed and revoked at once on every node (service/users/UserAccounts).
-- credentials_version goes up with every change of a user's password, token or active flag; a node
-- that remembers a verified password remembers it with the version it was verified at and asks for
-- the current version on every request, so a change is seen by the very next request on any node.
ALTER TABLE app_user
    ADD COLUMN credentials_version     bigint NOT NULL DEFAULT 1,
    ADD COLUMN credentials_changed_at  timestamptz,
    ADD COLUMN credentials_changed_by  text;   -- the administrator's username, or 'command' for the CLI

-- Wrong passwords are now counted per username as typed AND per client address, by the same rule
-- (auth/SignInThrottle), for the /login form and HTTP Basic alike; the table of 009 becomes the one
-- for both kinds of subject.
ALTER TABLE web_sign_in_failure RENAME TO sign_in_failure;
ALTER TABLE sign_in_failure RENAME COLUMN username TO subject;
ALTER TABLE sign_in_failure ADD COLUMN kind text NOT NULL DEFAULT 'USERNAME'
    CHECK (kind IN ('USERNAME', 'CLIENT'));
ALTER TABLE sign_in_failure ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE sign_in_failure DROP CONSTRAINT web_sign_in_failure_pkey;
ALTER TABLE sign_in_failure ADD PRIMARY KEY (kind, subject);
-- rows of failures long past are deleted as new failures come in
CREATE INDEX sign_in_failure_last ON sign_in_failure (last_failure_at);
