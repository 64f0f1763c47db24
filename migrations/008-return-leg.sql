--liquibase formatted sql

--changeset dossierpost:008-return-leg
-- The office whose clerks collect results at an agency (QĐ 45/2016 Art. 9), when set; otherwise the
-- office of the agency's commune, else the first of its province, else the office that took the
-- dossier in (PickupDAO).
ALTER TABLE agency ADD COLUMN pickup_office_code text REFERENCES post_office(code);

-- A RETURN_ONLY dossier is found by the agency's own reference when its result is ready.
CREATE INDEX dossier_agency_reference ON dossier (agency_code, agency_reference) WHERE agency_reference IS NOT NULL;

-- A result (or a refusal notice) to collect at the agency: made with the agency's event, done when
-- the clerk records the collection, which also records the government fee remitted to the agency.
CREATE TABLE pickup (
    dossier_id        bigint PRIMARY KEY REFERENCES dossier(id),
    office_code       text NOT NULL REFERENCES post_office(code),
    agency_code       text NOT NULL REFERENCES agency(code),
    kind              text NOT NULL CHECK (kind IN ('RESULT', 'REFUSAL')),
    result_reference  text,
    created_at        timestamptz NOT NULL,
    collected_at      timestamptz,
    collected_by      text,
    agency_officer    text,
    items             jsonb,
    fee_remitted      bigint CHECK (fee_remitted >= 0)
);
CREATE INDEX pickup_open ON pickup (office_code, created_at) WHERE collected_at IS NULL;

-- The return leg's postal item (its own S10 number) from collection to the recipient's hands.
CREATE TABLE delivery (
    dossier_id         bigint PRIMARY KEY REFERENCES dossier(id),
    s10_number         text NOT NULL UNIQUE,
    office_code        text NOT NULL REFERENCES post_office(code),   -- delivers it, or holds it for collection
    method             text NOT NULL CHECK (method IN ('HOME', 'PICKUP_AT_OFFICE')),
    commune_code       char(5) REFERENCES commune(code),
    courier            text REFERENCES app_user(username),
    assigned_at        timestamptz,
    arrived_at         timestamptz,                                  -- at the delivering office (UPU EMG)
    amount_due         bigint NOT NULL DEFAULT 0 CHECK (amount_due >= 0),
    failed_attempts    integer NOT NULL DEFAULT 0,
    first_failed_on    date,
    next_attempt_from  date,
    held_until         date,
    finished_at        timestamptz
);
CREATE INDEX delivery_courier ON delivery (courier, finished_at);
CREATE INDEX delivery_office ON delivery (office_code, finished_at);

-- Every update a courier's phone (or a clerk at the counter) sent, by the device's own attempt id:
-- a resend finds its row and gets the same answer. Proof images are in the blob store by SHA-256;
-- of the identity document only the last 4 digits are kept.
CREATE TABLE delivery_attempt (
    id                   bigserial PRIMARY KEY,
    dossier_id           bigint NOT NULL REFERENCES dossier(id),
    client_attempt_id    text NOT NULL CHECK (length(client_attempt_id) BETWEEN 1 AND 100),
    actor                text NOT NULL,
    outcome              text NOT NULL CHECK (outcome IN ('OUT_FOR_DELIVERY', 'DELIVERED', 'FAILED')),
    at                   timestamptz NOT NULL,
    recorded_at          timestamptz NOT NULL,
    at_counter           boolean NOT NULL DEFAULT false,
    recipient_name       text,
    recipient_relation   text CHECK (recipient_relation IN ('SELF', 'PROXY')),
    id_document_type     text,
    id_last4             char(4),
    proxy_authorisation  text,
    proof_sha256         text,
    proof_media_type     text,
    latitude             double precision,
    longitude            double precision,
    reason               text,
    action               text,
    amount_collected     bigint NOT NULL DEFAULT 0,
    answer               text NOT NULL,
    UNIQUE (dossier_id, client_attempt_id)
);
CREATE INDEX delivery_attempt_actor_day ON delivery_attempt (actor, at);
CREATE INDEX delivery_attempt_proof ON delivery_attempt (proof_sha256) WHERE proof_sha256 IS NOT NULL;

-- Couriers of an office and the communes they cover: new deliveries there go to them.
CREATE TABLE courier_commune (
    office_code   text NOT NULL REFERENCES post_office(code),
    commune_code  char(5) NOT NULL REFERENCES commune(code),
    courier       text NOT NULL REFERENCES app_user(username),
    PRIMARY KEY (office_code, commune_code)
);

-- What a courier hands in at the end of the day, against what the deliveries say they collected.
CREATE TABLE cash_declaration (
    courier      text NOT NULL REFERENCES app_user(username),
    day          date NOT NULL,
    amount       bigint NOT NULL CHECK (amount >= 0),
    declared_at  timestamptz NOT NULL,
    PRIMARY KEY (courier, day)
);

-- Agency notices (result delivered, result returned) leave through the outbox with their body.
CREATE UNIQUE INDEX outbox_one_notice ON outbox (dossier_id, (payload->>'type')) WHERE kind = 'AGENCY_NOTICE';
