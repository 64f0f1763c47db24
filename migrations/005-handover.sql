--liquibase formatted sql

--changeset dossierpost:005-handover
-- How each agency is reached: channel settings edited through the admin API take effect without a
-- restart; `revision` grows with every change so each node sees that its route must be rebuilt.
ALTER TABLE agency
    ADD COLUMN batch_window_ms integer NOT NULL DEFAULT 500 CHECK (batch_window_ms BETWEEN 50 AND 3600000),
    ADD COLUMN batch_size      integer NOT NULL DEFAULT 100 CHECK (batch_size BETWEEN 1 AND 1000),
    ADD COLUMN sftp_host       text,
    ADD COLUMN sftp_port       integer CHECK (sftp_port BETWEEN 1 AND 65535),
    ADD COLUMN sftp_username   text,
    ADD COLUMN sftp_password   text,
    ADD COLUMN revision        integer NOT NULL DEFAULT 1;

-- Handover records ("Biên bản giao nhận hồ sơ", QĐ 45/2016 Art. 7): the dossiers handed to one
-- agency together. The number is part of the Idempotency-Key and of the drop file's name.
CREATE SEQUENCE handover_no_sequence;

CREATE TABLE handover (
    id            bigserial PRIMARY KEY,
    no            text NOT NULL UNIQUE,
    agency_code   text NOT NULL REFERENCES agency(code),
    channel       text NOT NULL,
    state         text NOT NULL CHECK (state IN ('SENDING', 'SENT', 'DELIVERED', 'FAILED')),
    created_at    timestamptz NOT NULL,
    sent_at       timestamptz,            -- file drop: the ZIP is in the agency's folder
    delivered_at  timestamptz,            -- every dossier acknowledged
    failed_at     timestamptz,            -- given up: a dead letter until retried by hand
    retries       integer NOT NULL DEFAULT 0,   -- manual retries
    last_error    text
);
CREATE INDEX handover_state ON handover (state, id);
CREATE INDEX handover_agency ON handover (agency_code, id);

-- One dossier in one handover, with the manifest exactly as sent (the signature covers those bytes,
-- so every retry sends the same). The receipt is the agency's acknowledgement: the filing time.
CREATE TABLE handover_item (
    handover_id     bigint NOT NULL REFERENCES handover(id),
    dossier_id      bigint NOT NULL REFERENCES dossier(id),
    position        integer NOT NULL,
    state           text NOT NULL CHECK (state IN ('PENDING', 'SENT', 'DELIVERED', 'FAILED')),
    components      integer NOT NULL,
    files           integer NOT NULL,
    bytes           bigint NOT NULL,
    complete        boolean NOT NULL,
    manifest        text NOT NULL,
    receipt_number  text,
    received_at     timestamptz,
    last_error      text,
    PRIMARY KEY (handover_id, dossier_id)
);
CREATE INDEX handover_item_dossier ON handover_item (dossier_id);

-- The official filing time (QĐ 45/2016 Art. 7: the moment the agency acknowledges the handover;
-- after a supplement, the moment the supplement is complete) and the agency's receipt number.
ALTER TABLE dossier
    ADD COLUMN filed_at              timestamptz,
    ADD COLUMN agency_receipt_number text;

-- A handover to send (or resend) is itself outbox work, leased while a node talks to the agency.
ALTER TABLE outbox ADD COLUMN handover_id bigint REFERENCES handover(id);
CREATE UNIQUE INDEX outbox_one_pending_send ON outbox (handover_id) WHERE kind = 'HANDOVER_SEND' AND done_at IS NULL;
