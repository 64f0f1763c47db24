package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

/**
 * The ministry's periodic reports (TT 17/2017 Arts. 13–14), each one aggregate over the report
 * projection ({@code report_dossier}, migration 034: a narrow row per dossier with each leg's first
 * finish, kept from the timeline by triggers), the payments and the delivery attempts. A period is
 * {@code [start, end)}: the first instant of its first local day to the first instant after its last.
 * An event counts in the period it happened in, whenever the dossier was received. {@code office}
 * confines every count to one office (null: all).
 * Each query answers its totals with {@code GROUPING SETS}, one row per group and dimension
 * ({@code dimension} names it, {@code TOTAL} for the line of all).
 */
@UseStringTemplateEngine
public interface ReportDAO {

    /**
     * Dossiers received, handed over to the agency, returned to the applicant, withdrawn. A dossier
     * counts once for each: handed over when it first reached the agency, returned when it first
     * reached the applicant (as the legs of {@link #legs} finish), withdrawn when it was.
     */
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

    /**
     * The zone whose local days the projection's late legs were judged in made the configured one;
     * true when it was another (the projection must then be rebuilt).
     */
    @SqlUpdate("UPDATE report_zone SET zone = :zone WHERE zone \\<> :zone")
    boolean useZone(@Bind("zone") String zone);

    @SqlQuery("SELECT report_dossier_rebuild()")
    long rebuild();

    @SqlQuery("SELECT CASE WHEN GROUPING(procedure_code) = 0 THEN 'PROCEDURE' WHEN GROUPING(agency_code) = 0 "
            + "THEN 'AGENCY' WHEN GROUPING(office_code) = 0 THEN 'OFFICE' ELSE 'TOTAL' END AS dimension, "
            + "COALESCE(procedure_code, agency_code, office_code) AS key, sum(received)::bigint AS received, "
            + "sum(handed_over)::bigint AS handed_over, sum(returned)::bigint AS returned, "
            + "sum(withdrawn)::bigint AS withdrawn FROM (SELECT procedure_code, agency_code, office_code, "
            + "count(*) FILTER (WHERE received) AS received, count(*) FILTER (WHERE handed_over) AS handed_over, "
            + "count(*) FILTER (WHERE returned) AS returned, count(*) FILTER (WHERE withdrawn) AS withdrawn "
            + "FROM (SELECT procedure_code, agency_code, office_code, "
            + "received_at >= :start AND received_at \\< :end AS received, "
            + "to_agency_at >= :start AND to_agency_at \\< :end AS handed_over, "
            + "to_applicant_at >= :start AND to_applicant_at \\< :end AS returned, "
            + "status = 'WITHDRAWN' AND status_at >= :start AND status_at \\< :end AS withdrawn "
            + "FROM report_dossier <if(office)>WHERE office_code = :office<endif>) r "
            + "WHERE received OR handed_over OR returned OR withdrawn GROUP BY procedure_code, agency_code, office_code) g "
            + "GROUP BY GROUPING SETS ((procedure_code), (agency_code), (office_code), ()) ORDER BY 1, 2")
    @RegisterConstructorMapper(VolumeRow.class)
    List<VolumeRow> volumes(
            @Bind("start") OffsetDateTime start,
            @Bind("end") OffsetDateTime end,
            @Define("office") @Bind("office") String office);

    /**
     * The projection's three legs of each dossier, one after the other. A leg counts as finished in
     * the period its first finish falls in; on time: finished (local day) no later than its due day,
     * and a leg without a due day is finished but neither on time nor late (both judged once, when
     * the projection's row is written: migration 035); the holder of a late one is kept with it. Open past due: its due day falls in the period, it had not finished by the
     * period's end, and the dossier's status then was one in which the leg's clock runs
     * ({@code running}). That is the clock of its status now when its last status change came before
     * the end. Else, when no supplement had been asked by then, the legs had run one after the other
     * from the first ({@code first_leg}), and a dossier not yet stopped was in the leg after the last
     * one finished before the end (the first if none had). Else (the clocks were paused by then, and
     * may have run again) it is the timeline's last status before the end: those few legs are
     * counted apart, found through the index of the paused, with an indexed probe each, so that the
     * pass over all legs, free of the timeline, is aggregated in parallel (a plain GROUP BY per
     * stage, office and agency: a handful of rows, then summed for the totals).
     */
    @SqlQuery("WITH legs AS NOT MATERIALIZED (SELECT l.*, COALESCE(at >= :start AND at \\< :end, false) AS finished, "
            + "late_leg AS late, "
            + "due >= (:start AT TIME ZONE :tz)::date AND due \\< (:end AT TIME ZONE :tz)::date "
            + "AND (at IS NULL OR at >= :end) AND received_at \\< :end AS overdue, "
            + "CASE WHEN COALESCE(status_at, received_at) \\< :end THEN leg_running_in(status) "
            + "WHEN paused_at \\< :end THEN NULL WHEN at_agency_at \\< :end THEN 'TO_APPLICANT' "
            + "WHEN to_agency_at \\< :end THEN 'AT_AGENCY' ELSE first_leg END AS running FROM ("
            + "SELECT r.*, 'TO_AGENCY' AS stage, r.to_agency_at AS at, r.handover_due AS due, r.to_agency_late_by AS holder, r.to_agency_late AS late_leg "
            + "FROM report_dossier r <if(office)>WHERE r.office_code = :office<endif> "
            + "UNION ALL SELECT r.*, 'AT_AGENCY', r.at_agency_at, r.result_due, r.at_agency_late_by, r.at_agency_late "
            + "FROM report_dossier r <if(office)>WHERE r.office_code = :office<endif> "
            + "UNION ALL SELECT r.*, 'TO_APPLICANT', r.to_applicant_at, r.return_due, r.to_applicant_late_by, r.to_applicant_late "
            + "FROM report_dossier r <if(office)>WHERE r.office_code = :office<endif>) l) "
            + "SELECT CASE WHEN GROUPING(office_code) = 0 THEN 'OFFICE' WHEN GROUPING(agency_code) = 0 "
            + "THEN 'AGENCY' ELSE 'TOTAL' END AS dimension, stage, COALESCE(office_code, agency_code) AS key, "
            + "sum(finished)::bigint AS finished, sum(on_time)::bigint AS on_time, sum(late)::bigint AS late, "
            + "sum(late_post)::bigint AS late_held_by_post, sum(late_agency)::bigint AS late_held_by_agency, "
            + "sum(late_applicant)::bigint AS late_held_by_applicant, sum(open)::bigint AS overdue_open FROM ("
            + "SELECT stage, office_code, agency_code, count(*) FILTER (WHERE finished) AS finished, "
            + "count(*) FILTER (WHERE finished AND NOT late) AS on_time, count(*) FILTER (WHERE finished AND late) AS late, "
            + "count(*) FILTER (WHERE finished AND late AND holder = 'POST') AS late_post, "
            + "count(*) FILTER (WHERE finished AND late AND holder = 'AGENCY') AS late_agency, "
            + "count(*) FILTER (WHERE finished AND late AND holder = 'APPLICANT') AS late_applicant, "
            + "count(*) FILTER (WHERE overdue AND running = stage) AS open "
            + "FROM legs WHERE finished OR (overdue AND running = stage) GROUP BY stage, office_code, agency_code "
            + "UNION ALL SELECT stage, office_code, agency_code, 0, 0, 0, 0, 0, 0, count(*) FROM legs "
            + "WHERE overdue AND COALESCE(status_at, received_at) >= :end AND paused_at \\< :end "
            + "AND leg_running_in((SELECT w.to_status FROM dossier_event w WHERE w.dossier_id = legs.dossier_id "
            + "AND w.to_status IS NOT NULL AND w.at \\< :end ORDER BY w.at DESC, w.id DESC LIMIT 1)) = stage "
            + "GROUP BY stage, office_code, agency_code) g "
            + "GROUP BY GROUPING SETS ((stage), (stage, office_code), (stage, agency_code)) ORDER BY 1, 2, 3")
    @RegisterConstructorMapper(LegRow.class)
    List<LegRow> legs(
            @Bind("tz") String tz,
            @Bind("start") OffsetDateTime start,
            @Bind("end") OffsetDateTime end,
            @Define("office") @Bind("office") String office);

    /**
     * Paid at the counter in the period: the postage less what is due on delivery, and the government
     * fee. Collected by the courier or the counter on delivery: the delivering office's. Paid back in
     * the period: the fee first (a refusal gives back the fee alone, a withdrawal everything).
     */
    @SqlQuery("WITH money AS ("
            + "SELECT d.office_code, 1 AS paid, d.counter_postage, "
            + "0::bigint AS cod, d.government_fee AS fees, 0::bigint AS refunded_fees, 0::bigint AS refunded_postage "
            + "FROM payment p JOIN report_dossier d ON d.dossier_id = p.dossier_id "
            + "WHERE p.state IN ('PAID', 'REFUNDED') AND p.paid_at >= :start AND p.paid_at \\< :end "
            + "UNION ALL SELECT l.office_code, 0, 0, a.amount_collected, 0, 0, 0 FROM delivery_attempt a "
            + "JOIN delivery l ON l.dossier_id = a.dossier_id "
            + "WHERE a.outcome = 'DELIVERED' AND a.amount_collected > 0 AND a.at >= :start AND a.at \\< :end "
            + "UNION ALL SELECT d.office_code, 0, 0, 0, 0, LEAST(p.refunded_amount, d.government_fee), "
            + "p.refunded_amount - LEAST(p.refunded_amount, d.government_fee) "
            + "FROM payment p JOIN report_dossier d ON d.dossier_id = p.dossier_id "
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
            + "FROM rating r JOIN report_dossier d ON d.dossier_id = r.dossier_id WHERE r.rated_at >= :start AND r.rated_at \\< :end "
            + "<if(office)>AND d.office_code = :office<endif> "
            + "GROUP BY GROUPING SETS ((d.office_code), ()) ORDER BY 1, 2")
    @RegisterConstructorMapper(RatingRow.class)
    List<RatingRow> ratings(
            @Bind("start") OffsetDateTime start,
            @Bind("end") OffsetDateTime end,
            @Define("office") @Bind("office") String office);
}
