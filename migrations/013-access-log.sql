--liquibase formatted sql

--changeset dossierpost:013-access-log
-- Who read whose personal data: one row per successful staff read of a dossier, its files, timeline,
-- slip or notifications, a return item, its attempts or proof, a handover, or a list of them (JSON
-- API and counter pages alike; service/audit/AccessLog). Written once per read, never updated;
-- an administrator lists it (GET /api/access-log). dossier_code is kept as text, not a foreign key,
-- so the log outlives nothing it refers to and a read of an unknown code is still recorded.
CREATE TABLE access_log (
    id            bigserial PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT now(),
    username      text NOT NULL,
    role          text NOT NULL,
    office_code   text,
    agency_code   text,
    kind          text NOT NULL,          -- what was read: DOSSIER, FILE, SLIP, DELIVERY, …, LIST
    dossier_code  text,                   -- the dossier the data belongs to, when one
    reference     text,                   -- the file id, S10 number, handover number or list query
    method        text NOT NULL,
    path          text NOT NULL,
    address       text                    -- the client's address as the server saw it
);
CREATE INDEX access_log_dossier ON access_log (dossier_code, id) WHERE dossier_code IS NOT NULL;
CREATE INDEX access_log_username ON access_log (username, id);
CREATE INDEX access_log_at ON access_log (at);
