--liquibase formatted sql

--changeset dossierpost:023-complaints-and-incidents
-- The complaints register (TT 17/2017 Art. 8): who complained about which dossier, where and how it
-- came in, and the clock to answer it — 5 working days within a province, 7 between provinces, from
-- the day it was received. A complaint is answered (with the answer) or withdrawn; either closes it.
CREATE TABLE complaint (
    id                bigserial PRIMARY KEY,
    dossier_id        bigint NOT NULL REFERENCES dossier(id),
    complainant       text NOT NULL CHECK (complainant IN ('APPLICANT', 'FILER')),
    complainant_name  text NOT NULL,
    complainant_phone text,
    office_code       text NOT NULL REFERENCES post_office(code),
    channel           text NOT NULL CHECK (channel IN ('COUNTER', 'PHONE', 'EMAIL', 'LETTER', 'WEB')),
    content           text NOT NULL,
    received_on       date NOT NULL,
    inter_province    boolean NOT NULL,
    answer_due        date NOT NULL,
    state             text NOT NULL CHECK (state IN ('RECEIVED', 'INVESTIGATING', 'ANSWERED', 'WITHDRAWN')),
    answer            text,
    withdrawal_reason text,
    closed_on         date,
    closed_by         text,
    received_by       text NOT NULL,
    created_at        timestamptz NOT NULL,
    CHECK ((state = 'ANSWERED') = (answer IS NOT NULL)),
    CHECK ((state IN ('ANSWERED', 'WITHDRAWN')) = (closed_on IS NOT NULL))
);
CREATE INDEX complaint_open ON complaint (answer_due) WHERE state IN ('RECEIVED', 'INVESTIGATING');
CREATE INDEX complaint_dossier ON complaint (dossier_id);
CREATE INDEX complaint_received ON complaint (received_on, office_code);

-- An item lost or damaged while the post carried it: the outbound dossier or the returned result. The
-- post pays at least 4 × the postage of that leg plus the re-issue costs declared, within 30 days of
-- the day it was found (QĐ 45/2016 Art. 14).
CREATE TABLE incident (
    id            bigserial PRIMARY KEY,
    dossier_id    bigint NOT NULL REFERENCES dossier(id),
    leg           text NOT NULL CHECK (leg IN ('OUTBOUND', 'RETURN')),
    kind          text NOT NULL CHECK (kind IN ('LOST', 'DAMAGED')),
    found_by      text NOT NULL,
    found_where   text NOT NULL,
    found_on      date NOT NULL,
    office_code   text NOT NULL REFERENCES post_office(code),
    description   text NOT NULL,
    investigation text,
    postage       bigint NOT NULL CHECK (postage >= 0),
    reissue_costs bigint NOT NULL CHECK (reissue_costs >= 0),
    compensation  bigint NOT NULL CHECK (compensation >= 4 * postage + reissue_costs),
    pay_by        date NOT NULL,
    paid_at       timestamptz,
    paid_by       text,
    complaint_id  bigint REFERENCES complaint(id),
    recorded_by   text NOT NULL,
    created_at    timestamptz NOT NULL,
    UNIQUE (dossier_id, leg)
);
CREATE INDEX incident_unpaid ON incident (pay_by) WHERE paid_at IS NULL;
CREATE INDEX incident_found ON incident (found_on, office_code);
