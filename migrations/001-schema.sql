--liquibase formatted sql

--changeset dossierpost:001-catalogue
-- Reference data. Codes are the national ones: provinces (2 digits) and communes (5 digits) after
-- Resolution 202/2025/QH15; agencies by their identifier in the national format (000.00.15.H29).
CREATE TABLE province (
    code        char(2) PRIMARY KEY,
    name        text NOT NULL,
    major_city  boolean NOT NULL DEFAULT false   -- special-class or class-I city: route class J+3
);

CREATE TABLE commune (
    code          char(5) PRIMARY KEY,
    name          text NOT NULL,
    province_code char(2) NOT NULL REFERENCES province(code)
);

CREATE TABLE agency (
    code           text PRIMARY KEY,
    name           text NOT NULL,
    province_code  char(2) NOT NULL REFERENCES province(code),
    commune_code   char(5) NOT NULL REFERENCES commune(code),
    address        text NOT NULL,
    phone          text,
    email          text,
    channel        text NOT NULL DEFAULT 'HTTP' CHECK (channel IN ('HTTP', 'FILE_DROP', 'SFTP')),
    base_url       text,
    inbox_dir      text,
    outbox_dir     text,
    secret         text,
    active         boolean NOT NULL DEFAULT true
);

CREATE TABLE post_office (
    code           text PRIMARY KEY,
    name           text NOT NULL,
    province_code  char(2) NOT NULL REFERENCES province(code),
    commune_code   char(5) NOT NULL REFERENCES commune(code),
    address        text NOT NULL,
    phone          text
);

CREATE TABLE procedure (
    code             text PRIMARY KEY,
    name             text NOT NULL,
    name_en          text,
    agency_code      text NOT NULL REFERENCES agency(code),
    processing_days  integer NOT NULL CHECK (processing_days >= 0),
    government_fee   bigint NOT NULL CHECK (government_fee >= 0),
    postal_allowed   boolean NOT NULL,
    legal_basis      text
);

CREATE TABLE procedure_component (
    procedure_code  text NOT NULL REFERENCES procedure(code) ON DELETE CASCADE,
    code            text NOT NULL,
    name            text NOT NULL,
    form            text NOT NULL CHECK (form IN ('ORIGINAL', 'COPY')),
    required        boolean NOT NULL,
    position        integer NOT NULL,
    PRIMARY KEY (procedure_code, code)
);

-- TT 17/2017 Art. 7: J + n working days per route class.
CREATE TABLE route_class (
    code                         text PRIMARY KEY,
    name                         text NOT NULL,
    days                         integer NOT NULL,
    days_with_appointment_slip   integer NOT NULL
);

-- Postage per route class and leg (Circular 22/2017/TT-BTTTT sets the ceiling), in VND.
CREATE TABLE tariff (
    route_class  text NOT NULL REFERENCES route_class(code),
    leg          text NOT NULL CHECK (leg IN ('OUTBOUND', 'RETURN')),
    amount       bigint NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (route_class, leg)
);

-- Days that differ from Monday-to-Friday: public holidays, extra days off, make-up working days.
CREATE TABLE calendar_day (
    day   date PRIMARY KEY,
    kind  text NOT NULL CHECK (kind IN ('HOLIDAY', 'DAY_OFF', 'WORKING_DAY')),
    name  text NOT NULL
);

--changeset dossierpost:001-users
CREATE TABLE app_user (
    username       text PRIMARY KEY,
    password_hash  text,
    token_hash     text UNIQUE,          -- SHA-256 of the bearer token; the token itself is never stored
    role           text NOT NULL CHECK (role IN ('COUNTER', 'COURIER', 'AGENCY', 'SUPERVISOR', 'ADMIN')),
    office_code    text REFERENCES post_office(code),
    agency_code    text REFERENCES agency(code),
    full_name      text,
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT (office_code IS NOT NULL AND agency_code IS NOT NULL)),
    CHECK (role <> 'AGENCY' OR agency_code IS NOT NULL),
    CHECK (role NOT IN ('COUNTER', 'COURIER') OR office_code IS NOT NULL)
);

--changeset dossierpost:001-dossiers
-- S10 serials come from one sequence and never cycle: 100 million serials last about three years of
-- national volume, longer than the 24 months UPU recommends before reuse.
CREATE SEQUENCE s10_serial MINVALUE 1 MAXVALUE 99999999 NO CYCLE;

-- Per agency and receipt day: the XXXX of the dossier code.
CREATE TABLE dossier_code_sequence (
    agency_code  text NOT NULL,
    day          date NOT NULL,
    last_value   integer NOT NULL,
    PRIMARY KEY (agency_code, day)
);

CREATE TABLE dossier (
    id                        bigserial PRIMARY KEY,
    code                      text NOT NULL UNIQUE,
    s10_number                text UNIQUE,
    return_s10_number         text UNIQUE,
    procedure_code            text NOT NULL REFERENCES procedure(code),
    agency_code               text NOT NULL REFERENCES agency(code),
    office_code               text NOT NULL REFERENCES post_office(code),
    service_form              text NOT NULL,
    status                    text NOT NULL,
    applicant_name            text NOT NULL,
    applicant_citizen_id      text NOT NULL,
    applicant_phone           text NOT NULL,
    applicant_email           text,
    applicant_street          text NOT NULL,
    applicant_commune         char(5) NOT NULL REFERENCES commune(code),
    delivery_method           text NOT NULL,
    delivery_street           text,
    delivery_commune          char(5) REFERENCES commune(code),
    appointment_slip_by_post  boolean NOT NULL DEFAULT false,
    agency_reference          text,
    route_class               text NOT NULL REFERENCES route_class(code),
    received_at               timestamptz NOT NULL,
    received_by               text NOT NULL,
    acceptance_day            date NOT NULL,
    handover_due              date,
    result_due                date,
    return_due                date,
    postage                   bigint NOT NULL,
    government_fee            bigint NOT NULL,
    payment_method            text NOT NULL,
    fees                      jsonb NOT NULL,
    updated_at                timestamptz NOT NULL
);
CREATE INDEX dossier_office_status ON dossier (office_code, status, id);
CREATE INDEX dossier_agency_status ON dossier (agency_code, status, id);
CREATE INDEX dossier_status_handover_due ON dossier (status, handover_due);

CREATE TABLE dossier_component (
    dossier_id  bigint NOT NULL REFERENCES dossier(id),
    code        text NOT NULL,
    name        text NOT NULL,
    form        text NOT NULL,
    pages       integer NOT NULL CHECK (pages > 0),
    position    integer NOT NULL,
    PRIMARY KEY (dossier_id, code)
);

-- The timeline: append-only, enforced by the database, not only by the code.
CREATE TABLE dossier_event (
    id           bigserial PRIMARY KEY,
    dossier_id   bigint NOT NULL REFERENCES dossier(id),
    type         text NOT NULL,
    from_status  text,
    to_status    text,
    at           timestamptz NOT NULL,
    actor        text NOT NULL,
    office_code  text,
    agency_code  text,
    note         text,
    payload      jsonb
);
CREATE INDEX dossier_event_dossier ON dossier_event (dossier_id, id);

CREATE FUNCTION dossier_event_append_only() RETURNS trigger LANGUAGE plpgsql AS
'BEGIN RAISE EXCEPTION ''dossier_event is append-only''; END';

CREATE TRIGGER dossier_event_no_update BEFORE UPDATE OR DELETE ON dossier_event
    FOR EACH ROW EXECUTE FUNCTION dossier_event_append_only();
