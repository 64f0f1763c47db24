--liquibase formatted sql

--changeset dossierpost:016-payments
-- The money of each dossier: what is due at the counter comes from the fees stored at intake
-- (dossier.postage + government_fee less what is due on delivery); this row says whether, how and
-- to whom it was paid. One row per dossier.
CREATE TABLE payment (
    dossier_id          bigint PRIMARY KEY REFERENCES dossier(id),
    state               text NOT NULL CHECK (state IN ('PENDING', 'PAID', 'HELD', 'REFUNDED')),
    method              text NOT NULL CHECK (method IN ('CASH', 'TRANSFER', 'VIETQR', 'CARD')),
    -- the card terminal's reference of the transaction, for CARD
    terminal_reference  text,
    -- the bank's transaction id of a VietQR transfer that paid (or was held for) this dossier
    bank_transaction_id text UNIQUE,
    taken_by            text,
    paid_at             timestamptz,
    -- why a transfer is held for a supervisor (the amount did not match)
    held_reason         text,
    refunded_by         text,
    refunded_at         timestamptz,
    refund_reason       text,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX payment_state ON payment (state) WHERE state IN ('PENDING', 'HELD');

-- Every callback the bank sent, once per transaction id: a repeated callback answers as the first.
CREATE TABLE bank_callback (
    transaction_id text PRIMARY KEY,
    purpose        text NOT NULL,
    amount         bigint NOT NULL,
    outcome        text NOT NULL,
    received_at    timestamptz NOT NULL
);

-- Receipts (biên lai thu tiền) and refunds are numbered per office, year and kind without gaps: the
-- counter row is locked for the rest of the issuing transaction (a sequence would leave a gap at
-- every rollback, which an auditor reads as a missing receipt).
CREATE TABLE receipt_counter (
    office_code text NOT NULL REFERENCES post_office(code),
    year        int NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('RECEIPT', 'REFUND')),
    last_number int NOT NULL,
    PRIMARY KEY (office_code, year, kind)
);

CREATE TABLE receipt (
    id          bigserial PRIMARY KEY,
    dossier_id  bigint NOT NULL REFERENCES dossier(id),
    kind        text NOT NULL CHECK (kind IN ('RECEIPT', 'REFUND')),
    office_code text NOT NULL,
    year        int NOT NULL,
    number      int NOT NULL,
    amount      bigint NOT NULL,
    method      text NOT NULL,
    issued_at   timestamptz NOT NULL,
    issued_by   text NOT NULL,
    UNIQUE (office_code, year, kind, number),
    UNIQUE (dossier_id, kind)
);

-- A counter's day closed by a supervisor, with the totals as they stood then.
CREATE TABLE counter_day (
    office_code text NOT NULL REFERENCES post_office(code),
    day         date NOT NULL,
    closed_by   text NOT NULL,
    closed_at   timestamptz NOT NULL,
    totals      jsonb NOT NULL,
    PRIMARY KEY (office_code, day)
);

-- Dossiers taken in before payments were recorded were paid at the counter as their slip says.
INSERT INTO payment (dossier_id, state, method, taken_by, paid_at, updated_at)
SELECT id, 'PAID', payment_method, received_by, received_at, received_at FROM dossier;
