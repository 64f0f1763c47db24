--liquibase formatted sql

--changeset dossierpost:034-report-projection splitStatements:false
-- The periodic reports (db/ReportDAO) read one narrow row per dossier, report_dossier, instead of the
-- dossier (a wide row) and its whole timeline: for a quarter of a province's busy year (millions of
-- dossiers) the timeline's anti-joins and the probes of each dossier and of each late leg's holder took
-- minutes; one pass over this table takes seconds. A row holds what the reports group by (procedure,
-- agency, office), the dossier's status and when it last changed, each leg's due day, the first time
-- each leg finished and, when it finished after its due day, who held the dossier when that day ended,
-- the money counted at the counter, and what tells which leg's clock ran at a past instant without
-- reading the timeline (the stage that ran first, the first pause).
--
-- Kept as dossier_tracking is (migration 027): triggers on dossier and dossier_event recompute a
-- dossier's row from report_dossier_source, the one definition also used to fill the table
-- (report_dossier_rebuild()), in the transaction of the change. A leg's local days are those of the
-- service's zone, kept in report_zone: PeriodicReports writes the configured zone there before each
-- report and rebuilds the table if it was another.

-- The legs of LegClock in SQL: the stage a status finishes (its first entry), the stage whose clock
-- runs in it, who holds the dossier in it. ReportProjectionTest holds them equal to LegClock.
CREATE FUNCTION leg_ended_by(status text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE
    WHEN status = 'DELIVERED_TO_AGENCY' THEN 'TO_AGENCY'
    WHEN status IN ('RESULT_READY', 'REFUSED') THEN 'AT_AGENCY'
    WHEN status = 'DELIVERED' THEN 'TO_APPLICANT'
END
$$;

CREATE FUNCTION leg_running_in(status text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE
    WHEN status IN ('RECEIVED', 'DIGITISED', 'IN_TRANSIT_TO_AGENCY') THEN 'TO_AGENCY'
    WHEN status IN ('DELIVERED_TO_AGENCY', 'IN_PROCESSING', 'AWAITING_RESULT') THEN 'AT_AGENCY'
    WHEN status IN ('RESULT_READY', 'REFUSED', 'RESULT_COLLECTED', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED',
                    'HELD_AT_OFFICE') THEN 'TO_APPLICANT'
END
$$;

CREATE FUNCTION leg_holder(status text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE leg_running_in(status)
    WHEN 'AT_AGENCY' THEN 'AGENCY'
    WHEN 'TO_AGENCY' THEN 'POST'
    WHEN 'TO_APPLICANT' THEN 'POST'
    ELSE CASE WHEN status = 'SUPPLEMENT_REQUESTED' THEN 'APPLICANT' END
END
$$;

-- The stage whose clock runs first: the status a dossier of that service form starts in
-- (DossierTransitions.initialStatus).
CREATE FUNCTION leg_first(service_form text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT leg_running_in(CASE WHEN service_form = 'RETURN_ONLY' THEN 'AWAITING_RESULT' ELSE 'RECEIVED' END)
$$;

CREATE TABLE report_zone (
    one   boolean PRIMARY KEY DEFAULT true CHECK (one),
    zone  text NOT NULL
);
INSERT INTO report_zone (zone) VALUES ('Asia/Ho_Chi_Minh');

-- A leg finished at `finished` (its first finish) after its due day: whoever held the dossier when
-- that day ended (the holder of its last status before the next local midnight); else null. One SELECT
-- without FROM, so the planner inlines it and reads the timeline for the late legs only.
CREATE FUNCTION report_late_holder(dossier bigint, finished timestamptz, due date, zone text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT CASE WHEN (finished AT TIME ZONE zone)::date > due THEN leg_holder((
    SELECT e.to_status FROM dossier_event e
    WHERE e.dossier_id = dossier AND e.to_status IS NOT NULL
      AND e.at < ((due + 1)::timestamp AT TIME ZONE zone)
    ORDER BY e.at DESC, e.id DESC LIMIT 1)) END
$$;

CREATE TABLE report_dossier (
    dossier_id           bigint PRIMARY KEY REFERENCES dossier(id),
    procedure_code       text NOT NULL,
    agency_code          text NOT NULL,
    office_code          text NOT NULL,
    received_at          timestamptz NOT NULL,
    status               text NOT NULL,
    status_at            timestamptz,        -- its last status change on the timeline
    handover_due         date,
    result_due           date,
    return_due           date,
    to_agency_at         timestamptz,        -- each leg's first finish
    at_agency_at         timestamptz,
    to_applicant_at      timestamptz,
    to_agency_late_by    text,               -- POST, AGENCY or APPLICANT when the leg finished late
    at_agency_late_by    text,
    to_applicant_late_by text,
    counter_postage      bigint NOT NULL,    -- postage paid at the counter (less what is due on delivery)
    government_fee       bigint NOT NULL,
    first_leg            text,               -- the stage whose clock ran first (leg_first)
    paused_at            timestamptz         -- the first time the applicant held it (a supplement asked)
) WITH (fillfactor = 90);
-- The few dossiers paused by a supplement: the report reads the timeline for them alone.
CREATE INDEX report_dossier_paused ON report_dossier (paused_at) WHERE paused_at IS NOT NULL;

-- The timeline is grouped per dossier and joined on dossier_id, so a filter on one dossier reaches
-- dossier_event through its index, and a full rebuild is one hash join.
CREATE VIEW report_dossier_source AS
SELECT d.id AS dossier_id, d.procedure_code, d.agency_code, d.office_code, d.received_at, d.status,
       s.status_at, d.handover_due, d.result_due, d.return_due,
       s.to_agency_at, s.at_agency_at, s.to_applicant_at,
       report_late_holder(d.id, s.to_agency_at, d.handover_due, z.zone) AS to_agency_late_by,
       report_late_holder(d.id, s.at_agency_at, d.result_due, z.zone) AS at_agency_late_by,
       report_late_holder(d.id, s.to_applicant_at, d.return_due, z.zone) AS to_applicant_late_by,
       d.postage - coalesce((d.fees ->> 'dueOnDelivery')::bigint, 0) AS counter_postage,
       d.government_fee, leg_first(d.service_form) AS first_leg, s.paused_at
FROM dossier d
CROSS JOIN report_zone z
LEFT JOIN (
    SELECT e.dossier_id, max(e.at) AS status_at,
           min(e.at) FILTER (WHERE leg_ended_by(e.to_status) = 'TO_AGENCY') AS to_agency_at,
           min(e.at) FILTER (WHERE leg_ended_by(e.to_status) = 'AT_AGENCY') AS at_agency_at,
           min(e.at) FILTER (WHERE leg_ended_by(e.to_status) = 'TO_APPLICANT') AS to_applicant_at,
           min(e.at) FILTER (WHERE leg_holder(e.to_status) = 'APPLICANT') AS paused_at
    FROM dossier_event e
    WHERE e.to_status IS NOT NULL
    GROUP BY e.dossier_id) s ON s.dossier_id = d.id;

CREATE FUNCTION report_dossier_refresh(dossier bigint) RETURNS void LANGUAGE sql AS $$
INSERT INTO report_dossier AS t
SELECT * FROM report_dossier_source s WHERE s.dossier_id = dossier
ON CONFLICT (dossier_id) DO UPDATE SET
    (procedure_code, agency_code, office_code, received_at, status, status_at, handover_due, result_due,
     return_due, to_agency_at, at_agency_at, to_applicant_at, to_agency_late_by, at_agency_late_by,
     to_applicant_late_by, counter_postage, government_fee, first_leg, paused_at)
  = (excluded.procedure_code, excluded.agency_code, excluded.office_code, excluded.received_at,
     excluded.status, excluded.status_at, excluded.handover_due, excluded.result_due, excluded.return_due,
     excluded.to_agency_at, excluded.at_agency_at, excluded.to_applicant_at, excluded.to_agency_late_by,
     excluded.at_agency_late_by, excluded.to_applicant_late_by, excluded.counter_postage,
     excluded.government_fee, excluded.first_leg, excluded.paused_at)
WHERE (t.*) IS DISTINCT FROM (excluded.*)
$$;

-- Every dossier at once, set-based: after a change of zone, and for bulk loads that wrote dossiers with
-- the triggers off (session_replication_role = replica). Returns the rows written.
CREATE FUNCTION report_dossier_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    written bigint;
BEGIN
    TRUNCATE report_dossier;
    INSERT INTO report_dossier SELECT * FROM report_dossier_source;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END
$$;

CREATE FUNCTION report_dossier_on_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_dossier_refresh(NEW.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION report_dossier_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_dossier_refresh(NEW.dossier_id);
    RETURN NULL;
END
$$;

CREATE TRIGGER report_dossier_created AFTER INSERT ON dossier
    FOR EACH ROW EXECUTE FUNCTION report_dossier_on_dossier();

CREATE TRIGGER report_dossier_changed AFTER UPDATE ON dossier
    FOR EACH ROW WHEN ((OLD.service_form, OLD.procedure_code, OLD.agency_code, OLD.office_code, OLD.received_at, OLD.status,
                        OLD.handover_due, OLD.result_due, OLD.return_due, OLD.postage, OLD.fees, OLD.government_fee)
        IS DISTINCT FROM (NEW.service_form, NEW.procedure_code, NEW.agency_code, NEW.office_code, NEW.received_at, NEW.status,
                          NEW.handover_due, NEW.result_due, NEW.return_due, NEW.postage, NEW.fees, NEW.government_fee))
    EXECUTE FUNCTION report_dossier_on_dossier();

CREATE TRIGGER report_dossier_timeline AFTER INSERT ON dossier_event
    FOR EACH ROW WHEN (NEW.to_status IS NOT NULL)
    EXECUTE FUNCTION report_dossier_on_event();

-- Existing databases: every dossier's row, set-based.
SELECT report_dossier_rebuild();
