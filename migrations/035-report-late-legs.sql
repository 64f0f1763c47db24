--liquibase formatted sql

--changeset dossierpost:035-report-late-legs splitStatements:false
-- Whether each leg finished after its due day, kept in the report projection (migration 034) beside its
-- holder, judged in the same local days (report_zone). The reports and the dashboard read these instead
-- of turning every finish into a local day as they count: at 10 million dossiers that conversion, one
-- per leg, was half the time of the quarterly report's timeliness. Null: not finished, or no due day.
ALTER TABLE report_dossier
    ADD COLUMN to_agency_late    boolean,
    ADD COLUMN at_agency_late    boolean,
    ADD COLUMN to_applicant_late boolean;

CREATE OR REPLACE VIEW report_dossier_source AS
SELECT d.id AS dossier_id, d.procedure_code, d.agency_code, d.office_code, d.received_at, d.status,
       s.status_at, d.handover_due, d.result_due, d.return_due,
       s.to_agency_at, s.at_agency_at, s.to_applicant_at,
       report_late_holder(d.id, s.to_agency_at, d.handover_due, z.zone) AS to_agency_late_by,
       report_late_holder(d.id, s.at_agency_at, d.result_due, z.zone) AS at_agency_late_by,
       report_late_holder(d.id, s.to_applicant_at, d.return_due, z.zone) AS to_applicant_late_by,
       d.postage - coalesce((d.fees ->> 'dueOnDelivery')::bigint, 0) AS counter_postage,
       d.government_fee, leg_first(d.service_form) AS first_leg, s.paused_at,
       (s.to_agency_at AT TIME ZONE z.zone)::date > d.handover_due AS to_agency_late,
       (s.at_agency_at AT TIME ZONE z.zone)::date > d.result_due AS at_agency_late,
       (s.to_applicant_at AT TIME ZONE z.zone)::date > d.return_due AS to_applicant_late
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

CREATE OR REPLACE FUNCTION report_dossier_refresh(dossier bigint) RETURNS void LANGUAGE sql AS $$
INSERT INTO report_dossier AS t
SELECT * FROM report_dossier_source s WHERE s.dossier_id = dossier
ON CONFLICT (dossier_id) DO UPDATE SET
    (procedure_code, agency_code, office_code, received_at, status, status_at, handover_due, result_due,
     return_due, to_agency_at, at_agency_at, to_applicant_at, to_agency_late_by, at_agency_late_by,
     to_applicant_late_by, counter_postage, government_fee, first_leg, paused_at, to_agency_late,
     at_agency_late, to_applicant_late)
  = (excluded.procedure_code, excluded.agency_code, excluded.office_code, excluded.received_at,
     excluded.status, excluded.status_at, excluded.handover_due, excluded.result_due, excluded.return_due,
     excluded.to_agency_at, excluded.at_agency_at, excluded.to_applicant_at, excluded.to_agency_late_by,
     excluded.at_agency_late_by, excluded.to_applicant_late_by, excluded.counter_postage,
     excluded.government_fee, excluded.first_leg, excluded.paused_at, excluded.to_agency_late,
     excluded.at_agency_late, excluded.to_applicant_late)
WHERE (t.*) IS DISTINCT FROM (excluded.*)
$$;

-- Existing rows, from their own finishes and due days (no timeline read): one rewrite of the table
-- (a column's type "changed" to itself with USING) rather than an UPDATE of every row, which would
-- leave the table twice its size.
DO $$
DECLARE
    zone text := (SELECT z.zone FROM report_zone z);
BEGIN
    EXECUTE format('ALTER TABLE report_dossier '
        'ALTER COLUMN to_agency_late TYPE boolean USING (to_agency_at AT TIME ZONE %1$L)::date > handover_due, '
        'ALTER COLUMN at_agency_late TYPE boolean USING (at_agency_at AT TIME ZONE %1$L)::date > result_due, '
        'ALTER COLUMN to_applicant_late TYPE boolean USING (to_applicant_at AT TIME ZONE %1$L)::date > return_due',
        zone);
END
$$;

-- Collected on delivery (COD) in a period: the revenue report read every delivery attempt for the few
-- that collected money.
CREATE INDEX delivery_attempt_collected_at ON delivery_attempt (at)
    WHERE outcome = 'DELIVERED' AND amount_collected > 0;
