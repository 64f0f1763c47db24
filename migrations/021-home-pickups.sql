--liquibase formatted sql

--changeset dossierpost:021-home-pickups
-- Home pickup of dossiers (thu gom hồ sơ tại nhà, QĐ 45/2016 Art. 6): a citizen or a clerk books a
-- visit (address, procedure, a half-day window on a working day); the courier covering the commune
-- goes, checks the documents with the counter's checklist, takes the fees and receives the dossier
-- through the counter's intake. A visit nobody answers is moved once to a new window; a second one
-- cancels the booking.
CREATE TABLE home_pickup (
    id                bigserial PRIMARY KEY,
    code              text NOT NULL UNIQUE,
    office_code       text NOT NULL,
    courier           text NOT NULL,
    procedure_code    text NOT NULL,
    applicant_name    text NOT NULL,
    applicant_phone   text NOT NULL,
    applicant_email   text,
    street            text NOT NULL,
    commune_code      text NOT NULL,
    window_date       date NOT NULL,
    window_part       text NOT NULL CHECK (window_part IN ('MORNING', 'AFTERNOON')),
    state             text NOT NULL CHECK (state IN ('BOOKED', 'RESCHEDULED', 'PICKED_UP', 'CANCELLED')),
    failed_visits     integer NOT NULL DEFAULT 0,
    last_failure      text,
    booked_by         text,                 -- null: booked by the citizen on the public form
    booked_at         timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX home_pickup_courier_day ON home_pickup (courier, window_date) WHERE state IN ('BOOKED', 'RESCHEDULED');

-- The dossier a visit brought in: unique, so one booking never becomes two dossiers even when two
-- requests race (the second intake fails on this column, in the intake's own statement).
ALTER TABLE dossier ADD COLUMN home_pickup_id bigint UNIQUE REFERENCES home_pickup(id);

-- Messages about a booking (moved, cancelled) are sent before any dossier exists.
ALTER TABLE notification ALTER COLUMN dossier_id DROP NOT NULL;
ALTER TABLE notification ADD COLUMN home_pickup_id bigint REFERENCES home_pickup(id);
ALTER TABLE notification ADD CONSTRAINT notification_about CHECK (dossier_id IS NOT NULL OR home_pickup_id IS NOT NULL);
