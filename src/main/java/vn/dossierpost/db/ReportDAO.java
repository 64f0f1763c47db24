package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

/**
 * The ministry's periodic reports (TT 17/2017 Arts. 13–14), each one aggregate over the timeline,
 * the payments and the delivery attempts. A period is {@code [start, end)}: the first instant of its
 * first local day to the first instant after its last. An event counts in the period it happened in,
 * whenever the dossier was received. {@code office} confines every count to one office (null: all).
 * Each query answers its totals with {@code GROUPING SETS}, one row per group and dimension
 * ({@code dimension} names it, {@code TOTAL} for the line of all).
 */
@UseStringTemplateEngine
public interface ReportDAO {

    /** Dossiers received, handed over to the agency, returned to the applicant, withdrawn. */
    record VolumeRow(String dimension, String key, long received, long handedOver, long returned, long withdrawn) {}

    /**
     * Legs finished in the period ({@code stage}: a {@code LegClock.Stage}), by their due day: on time,
     * late, and of the late ones whose hands the dossier was in when the due day ended; and the legs
     * due in the period still running at its end ({@code overdueOpen}: late, not finished at all).
     */
    record LegRow(
            String dimension,
            String stage,
            String key,
            long finished,
            long onTime,
            long late,
            long lateHeldByPost,
            long lateHeldByAgency,
            long lateHeldByApplicant,
            long overdueOpen) {}

    /**
     * Money per office, VND: postage paid at the counter, postage collected on delivery (COD), the
     * government fees collected on the agencies' behalf, and what was paid back of each.
     */
    record RevenueRow(
            String dimension,
            String key,
            long paidDossiers,
            long postageAtCounter,
            long postageOnDelivery,
            long governmentFees,
            long refundedFees,
            long refundedPostage) {}

    @SqlQuery("WITH facts AS ("
            + "SELECT id AS dossier_id, 1 AS received, 0 AS handed_over, 0 AS returned, 0 AS withdrawn FROM dossier "
            + "WHERE received_at >= :start AND received_at \\< :end "
            + "UNION ALL SELECT dossier_id, 0, (to_status = 'DELIVERED_TO_AGENCY')::int, (to_status = 'DELIVERED')::int, "
            + "(to_status = 'WITHDRAWN')::int FROM dossier_event "
            + "WHERE to_status IN ('DELIVERED_TO_AGENCY', 'DELIVERED', 'WITHDRAWN') AND at >= :start AND at \\< :end), "
            + "per_dossier AS (SELECT dossier_id, max(received) AS received, max(handed_over) AS handed_over, "
            + "max(returned) AS returned, max(withdrawn) AS withdrawn FROM facts GROUP BY dossier_id) "
            + "SELECT CASE WHEN GROUPING(d.procedure_code) = 0 THEN 'PROCEDURE' WHEN GROUPING(d.agency_code) = 0 "
            + "THEN 'AGENCY' WHEN GROUPING(d.office_code) = 0 THEN 'OFFICE' ELSE 'TOTAL' END AS dimension, "
            + "COALESCE(d.procedure_code, d.agency_code, d.office_code) AS key, "
            + "COALESCE(sum(p.received), 0) AS received, COALESCE(sum(p.handed_over), 0) AS handed_over, COALESCE(sum(p.returned), 0) AS returned, "
            + "COALESCE(sum(p.withdrawn), 0) AS withdrawn "
            + "FROM per_dossier p JOIN dossier d ON d.id = p.dossier_id "
            + "<if(office)>WHERE d.office_code = :office<endif> "
            + "GROUP BY GROUPING SETS ((d.procedure_code), (d.agency_code), (d.office_code), ()) ORDER BY 1, 2")
    @RegisterConstructorMapper(VolumeRow.class)
    List<VolumeRow> volumes(
            @Bind("start") OffsetDateTime start,
            @Bind("end") OffsetDateTime end,
            @Define("office") @Bind("office") String office);

    /**
     * {@code endStatuses[i]} finishes stage {@code endStages[i]}; a leg counts in the period its first
     * finishing event falls in. {@code heldStatuses[i]} means the dossier is in {@code holders[i]}'s
     * hands; {@code runningStatuses[i]}: stage {@code runningStages[i]}'s clock runs in it. On time:
     * finished (local day) no later than the stage's due day; a leg without a due day is finished but
     * neither on time nor late. Open past due: the stage's due day falls in the period and the dossier
     * was still in that stage when the period ended (its last status before the end: its status now
     * when it has not changed since, as a status change always moves {@code updated_at} on, else the
     * timeline's last status change before the end). Each stage's due days are read by their index.
     */
    @SqlQuery("WITH ends AS (SELECT * FROM unnest(CAST(:endStatuses AS text[]), CAST(:endStages AS text[])) "
            + "AS m(status, stage)), "
            + "holders AS (SELECT * FROM unnest(CAST(:heldStatuses AS text[]), CAST(:holders AS text[])) "
            + "AS h(status, holder)), "
            + "finished AS (SELECT e.dossier_id, m.stage, min(e.at) AS at FROM dossier_event e "
            + "JOIN ends m ON m.status = e.to_status WHERE e.at >= :start AND e.at \\< :end "
            + "AND NOT EXISTS (SELECT 1 FROM dossier_event p JOIN ends pm ON pm.status = p.to_status "
            + "WHERE p.dossier_id = e.dossier_id AND p.to_status IS NOT NULL AND pm.stage = m.stage AND p.at \\< :start) "
            + "GROUP BY 1, 2), "
            + "legs AS (SELECT f.stage, d.office_code, d.agency_code, (f.at AT TIME ZONE :tz)::date AS day, "
            + "CASE f.stage WHEN 'TO_AGENCY' THEN d.handover_due WHEN 'AT_AGENCY' THEN d.result_due "
            + "ELSE d.return_due END AS due, d.id AS dossier_id "
            + "FROM finished f JOIN dossier d ON d.id = f.dossier_id "
            + "<if(office)>WHERE d.office_code = :office<endif>), "
            + "running AS (SELECT * FROM unnest(CAST(:runningStatuses AS text[]), CAST(:runningStages AS text[])) "
            + "AS r(status, stage)), "
            + "due AS (SELECT 'TO_AGENCY' AS stage, id, office_code, agency_code, status, updated_at, received_at "
            + "FROM dossier WHERE handover_due >= (:start AT TIME ZONE :tz)::date AND handover_due \\< (:end AT TIME ZONE :tz)::date "
            + "UNION ALL SELECT 'AT_AGENCY', id, office_code, agency_code, status, updated_at, received_at "
            + "FROM dossier WHERE result_due >= (:start AT TIME ZONE :tz)::date AND result_due \\< (:end AT TIME ZONE :tz)::date "
            + "UNION ALL SELECT 'TO_APPLICANT', id, office_code, agency_code, status, updated_at, received_at "
            + "FROM dossier WHERE return_due >= (:start AT TIME ZONE :tz)::date AND return_due \\< (:end AT TIME ZONE :tz)::date), "
            + "open AS (SELECT u.stage, u.office_code, u.agency_code FROM due u "
            + "CROSS JOIN LATERAL (SELECT CASE WHEN u.updated_at \\< :end THEN u.status ELSE (SELECT w.to_status "
            + "FROM dossier_event w WHERE w.dossier_id = u.id AND w.to_status IS NOT NULL AND w.at \\< :end "
            + "ORDER BY w.at DESC, w.id DESC LIMIT 1) END AS to_status) s "
            + "JOIN running r ON r.status = s.to_status AND r.stage = u.stage "
            + "WHERE u.received_at \\< :end <if(office)>AND u.office_code = :office<endif>), "
            + "judged AS (SELECT l.stage, l.office_code, l.agency_code, false AS open, l.day > l.due AS late, "
            + "h.holder FROM legs l "
            + "LEFT JOIN LATERAL (SELECT w.to_status FROM dossier_event w WHERE w.dossier_id = l.dossier_id "
            + "AND w.to_status IS NOT NULL AND l.day > l.due AND w.at \\< ((l.due + 1)::timestamp AT TIME ZONE :tz) "
            + "ORDER BY w.at DESC, w.id DESC LIMIT 1) s ON true LEFT JOIN holders h ON h.status = s.to_status "
            + "UNION ALL SELECT stage, office_code, agency_code, true, null, null FROM open) "
            + "SELECT CASE WHEN GROUPING(office_code) = 0 THEN 'OFFICE' WHEN GROUPING(agency_code) = 0 "
            + "THEN 'AGENCY' ELSE 'TOTAL' END AS dimension, stage, COALESCE(office_code, agency_code) AS key, "
            + "count(*) FILTER (WHERE NOT open) AS finished, count(*) FILTER (WHERE NOT late) AS on_time, "
            + "count(*) FILTER (WHERE late) AS late, "
            + "count(*) FILTER (WHERE late AND holder = 'POST') AS late_held_by_post, "
            + "count(*) FILTER (WHERE late AND holder = 'AGENCY') AS late_held_by_agency, "
            + "count(*) FILTER (WHERE late AND holder = 'APPLICANT') AS late_held_by_applicant, "
            + "count(*) FILTER (WHERE open) AS overdue_open "
            + "FROM judged GROUP BY GROUPING SETS ((stage), (stage, office_code), (stage, agency_code)) "
            + "ORDER BY 1, 2, 3")
    @RegisterConstructorMapper(LegRow.class)
    List<LegRow> legs(
            @Bind("tz") String tz,
            @Bind("start") OffsetDateTime start,
            @Bind("end") OffsetDateTime end,
            @Bind("endStatuses") String[] endStatuses,
            @Bind("endStages") String[] endStages,
            @Bind("heldStatuses") String[] heldStatuses,
            @Bind("holders") String[] holders,
            @Bind("runningStatuses") String[] runningStatuses,
            @Bind("runningStages") String[] runningStages,
            @Define("office") @Bind("office") String office);

    /**
     * Paid at the counter in the period: the postage less what is due on delivery, and the government
     * fee. Collected by the courier or the counter on delivery: the delivering office's. Paid back in
     * the period: the fee first (a refusal gives back the fee alone, a withdrawal everything).
     */
    @SqlQuery("WITH money AS ("
            + "SELECT d.office_code, 1 AS paid, d.postage - COALESCE((d.fees->>'dueOnDelivery')::bigint, 0) AS counter_postage, "
            + "0::bigint AS cod, d.government_fee AS fees, 0::bigint AS refunded_fees, 0::bigint AS refunded_postage "
            + "FROM payment p JOIN dossier d ON d.id = p.dossier_id "
            + "WHERE p.state IN ('PAID', 'REFUNDED') AND p.paid_at >= :start AND p.paid_at \\< :end "
            + "UNION ALL SELECT l.office_code, 0, 0, a.amount_collected, 0, 0, 0 FROM delivery_attempt a "
            + "JOIN delivery l ON l.dossier_id = a.dossier_id "
            + "WHERE a.outcome = 'DELIVERED' AND a.amount_collected > 0 AND a.at >= :start AND a.at \\< :end "
            + "UNION ALL SELECT d.office_code, 0, 0, 0, 0, LEAST(p.refunded_amount, d.government_fee), "
            + "p.refunded_amount - LEAST(p.refunded_amount, d.government_fee) "
            + "FROM payment p JOIN dossier d ON d.id = p.dossier_id "
            + "WHERE p.state = 'REFUNDED' AND p.refunded_at >= :start AND p.refunded_at \\< :end) "
            + "SELECT CASE WHEN GROUPING(office_code) = 0 THEN 'OFFICE' ELSE 'TOTAL' END AS dimension, "
            + "office_code AS key, COALESCE(sum(paid), 0) AS paid_dossiers, COALESCE(sum(counter_postage), 0) AS postage_at_counter, "
            + "COALESCE(sum(cod), 0) AS postage_on_delivery, COALESCE(sum(fees), 0) AS government_fees, COALESCE(sum(refunded_fees), 0) AS refunded_fees, "
            + "COALESCE(sum(refunded_postage), 0) AS refunded_postage FROM money "
            + "<if(office)>WHERE office_code = :office<endif> "
            + "GROUP BY GROUPING SETS ((office_code), ()) ORDER BY 1, 2")
    @RegisterConstructorMapper(RevenueRow.class)
    List<RevenueRow> revenue(
            @Bind("start") OffsetDateTime start,
            @Bind("end") OffsetDateTime end,
            @Define("office") @Bind("office") String office);

    /** A line per office ({@code dimension} OFFICE, {@code key} its code) or the TOTAL line. */
    interface PerOffice {
        String dimension();

        String key();
    }

    /**
     * Complaints received in the period, per office: answered by their day or after it, withdrawn,
     * and those still open, past their day or not ({@code today}: the state as it stands now).
     */
    record ComplaintRow(
            String dimension,
            String key,
            long received,
            long answeredOnTime,
            long answeredLate,
            long withdrawn,
            long openOverdue,
            long openInTime)
            implements PerOffice {}

    @SqlQuery("SELECT CASE WHEN GROUPING(office_code) = 0 THEN 'OFFICE' ELSE 'TOTAL' END AS dimension, "
            + "office_code AS key, count(*) AS received, "
            + "count(*) FILTER (WHERE state = 'ANSWERED' AND closed_on \\<= answer_due) AS answered_on_time, "
            + "count(*) FILTER (WHERE state = 'ANSWERED' AND closed_on > answer_due) AS answered_late, "
            + "count(*) FILTER (WHERE state = 'WITHDRAWN') AS withdrawn, "
            + "count(*) FILTER (WHERE state IN ('RECEIVED', 'INVESTIGATING') AND answer_due \\< :today) AS open_overdue, "
            + "count(*) FILTER (WHERE state IN ('RECEIVED', 'INVESTIGATING') AND answer_due >= :today) AS open_in_time "
            + "FROM complaint WHERE received_on >= :from AND received_on \\<= :to "
            + "<if(office)>AND office_code = :office<endif> "
            + "GROUP BY GROUPING SETS ((office_code), ()) ORDER BY 1, 2")
    @RegisterConstructorMapper(ComplaintRow.class)
    List<ComplaintRow> complaints(
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("today") LocalDate today,
            @Define("office") @Bind("office") String office);

    /**
     * Items lost or damaged found in the period, per office, VND: the compensation owed, what of it
     * was paid, paid after its day, and unpaid past its day ({@code today}).
     */
    record IncidentRow(
            String dimension,
            String key,
            long lost,
            long damaged,
            long compensationOwed,
            long compensationPaid,
            long paidLate,
            long unpaidOverdue)
            implements PerOffice {}

    @SqlQuery("SELECT CASE WHEN GROUPING(office_code) = 0 THEN 'OFFICE' ELSE 'TOTAL' END AS dimension, "
            + "office_code AS key, count(*) FILTER (WHERE kind = 'LOST') AS lost, "
            + "count(*) FILTER (WHERE kind = 'DAMAGED') AS damaged, COALESCE(sum(compensation), 0) AS compensation_owed, "
            + "COALESCE(sum(compensation) FILTER (WHERE paid_at IS NOT NULL), 0) AS compensation_paid, "
            + "count(*) FILTER (WHERE paid_at IS NOT NULL AND (paid_at AT TIME ZONE :zone)::date > pay_by) AS paid_late, "
            + "count(*) FILTER (WHERE paid_at IS NULL AND pay_by \\< :today) AS unpaid_overdue "
            + "FROM incident WHERE found_on >= :from AND found_on \\<= :to "
            + "<if(office)>AND office_code = :office<endif> "
            + "GROUP BY GROUPING SETS ((office_code), ()) ORDER BY 1, 2")
    @RegisterConstructorMapper(IncidentRow.class)
    List<IncidentRow> incidents(
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("today") LocalDate today,
            @Bind("zone") String zone,
            @Define("office") @Bind("office") String office);

    /** The applicants' ratings given in the period, per office of the dossier: how many, and their average. */
    record RatingRow(String dimension, String key, long ratings, double average) implements PerOffice {}

    @SqlQuery("SELECT CASE WHEN GROUPING(d.office_code) = 0 THEN 'OFFICE' ELSE 'TOTAL' END AS dimension, "
            + "d.office_code AS key, count(r.score) AS ratings, COALESCE(round(avg(r.score), 2), 0)::float8 AS average "
            + "FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE r.rated_at >= :start AND r.rated_at \\< :end "
            + "<if(office)>AND d.office_code = :office<endif> "
            + "GROUP BY GROUPING SETS ((d.office_code), ()) ORDER BY 1, 2")
    @RegisterConstructorMapper(RatingRow.class)
    List<RatingRow> ratings(
            @Bind("start") OffsetDateTime start,
            @Bind("end") OffsetDateTime end,
            @Define("office") @Bind("office") String office);
}
