--liquibase formatted sql

--changeset dossierpost:018-remittances
-- The government fees the post collected for an agency, handed over to it per period. A statement
-- marked remitted is stored with the fee of each dossier it carried; a dossier's fee is in at most
-- one statement (the primary key of remittance_item), and an agency's periods do not overlap.
CREATE TABLE remittance (
    id          bigserial PRIMARY KEY,
    number      text NOT NULL UNIQUE,
    agency_code text NOT NULL REFERENCES agency(code),
    period_from date NOT NULL,
    period_to   date NOT NULL,
    dossiers    int NOT NULL,
    total       bigint NOT NULL,
    remitted_by text NOT NULL,
    remitted_at timestamptz NOT NULL,
    CHECK (period_from <= period_to)
);
CREATE INDEX remittance_agency_period ON remittance (agency_code, period_from);

CREATE TABLE remittance_item (
    dossier_id     bigint PRIMARY KEY REFERENCES dossier(id),
    remittance_id  bigint NOT NULL REFERENCES remittance(id),
    government_fee bigint NOT NULL
);
