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
     * The three legs of each dossier, from the projection. A leg counts as finished in the period its
     * first finish falls in; on time or late as the projection judged it (migration 035: its local
     * finish day against its due day; a leg without a due day is finished but neither), with who held
     * a late one on its due day. Open past due ({@code *_due}, then {@code open}): its due day falls
     * in the period, it had not finished by the period's end, and the dossier's status then was one in
     * which the leg's clock runs ({@code running}). That is the clock of its status now when its last
     * status change came before the end. Else, when no supplement had been asked by then, the legs had
     * run one after the other from the first ({@code first_leg}), and a dossier not yet stopped was in
     * the leg after the last one finished before the end (the first if none had). Else (the clocks were
     * paused by then, and may have run again) it is the timeline's last status before the end: those
     * few dossiers are counted apart ({@code paused}), found through the index of the paused, with an
     * indexed probe each (materialized, so that the probe is not run again for the filter). Every stage's counts are taken side by side in one parallel pass (a row per
     * office and agency; {@code ta_}, {@code aa_}, {@code tp_}: to the agency, at the agency, to the
     * applicant), then turned into a row per stage and summed for the totals.
     */
    @SqlQuery("""
            WITH r AS NOT MATERIALIZED (
              SELECT office_code, agency_code, dossier_id, status_at, received_at, paused_at,
                     to_agency_at >= :start AND to_agency_at \\< :end AS ta_finished, to_agency_late AS ta_late, to_agency_late_by AS ta_holder,
                     handover_due >= :firstDay AND handover_due \\< :dayAfter AND (to_agency_at IS NULL OR to_agency_at >= :end) AS ta_due,
                     at_agency_at >= :start AND at_agency_at \\< :end AS aa_finished, at_agency_late AS aa_late, at_agency_late_by AS aa_holder,
                     result_due >= :firstDay AND result_due \\< :dayAfter AND (at_agency_at IS NULL OR at_agency_at >= :end) AS aa_due,
                     to_applicant_at >= :start AND to_applicant_at \\< :end AS tp_finished, to_applicant_late AS tp_late, to_applicant_late_by AS tp_holder,
                     return_due >= :firstDay AND return_due \\< :dayAfter AND (to_applicant_at IS NULL OR to_applicant_at >= :end) AS tp_due,
                     CASE WHEN COALESCE(status_at, received_at) \\< :end THEN leg_running_in(status) WHEN paused_at \\< :end THEN NULL
                          WHEN at_agency_at \\< :end THEN 'TO_APPLICANT' WHEN to_agency_at \\< :end THEN 'AT_AGENCY' ELSE first_leg END AS running
              FROM report_dossier WHERE received_at \\< :end <if(office)>AND office_code = :office<endif>),
            per_pair AS (
              SELECT office_code, agency_code,
                     count(*) FILTER (WHERE ta_finished) AS ta_finished, count(*) FILTER (WHERE ta_finished AND NOT ta_late) AS ta_on_time,
                     count(*) FILTER (WHERE ta_finished AND ta_late) AS ta_late, count(*) FILTER (WHERE ta_finished AND ta_holder = 'POST') AS ta_post,
                     count(*) FILTER (WHERE ta_finished AND ta_holder = 'AGENCY') AS ta_agency,
                     count(*) FILTER (WHERE ta_finished AND ta_holder = 'APPLICANT') AS ta_applicant,
                     count(*) FILTER (WHERE ta_due AND running = 'TO_AGENCY') AS ta_open,
                     count(*) FILTER (WHERE aa_finished) AS aa_finished, count(*) FILTER (WHERE aa_finished AND NOT aa_late) AS aa_on_time,
                     count(*) FILTER (WHERE aa_finished AND aa_late) AS aa_late, count(*) FILTER (WHERE aa_finished AND aa_holder = 'POST') AS aa_post,
                     count(*) FILTER (WHERE aa_finished AND aa_holder = 'AGENCY') AS aa_agency,
                     count(*) FILTER (WHERE aa_finished AND aa_holder = 'APPLICANT') AS aa_applicant,
                     count(*) FILTER (WHERE aa_due AND running = 'AT_AGENCY') AS aa_open,
                     count(*) FILTER (WHERE tp_finished) AS tp_finished, count(*) FILTER (WHERE tp_finished AND NOT tp_late) AS tp_on_time,
                     count(*) FILTER (WHERE tp_finished AND tp_late) AS tp_late, count(*) FILTER (WHERE tp_finished AND tp_holder = 'POST') AS tp_post,
                     count(*) FILTER (WHERE tp_finished AND tp_holder = 'AGENCY') AS tp_agency,
                     count(*) FILTER (WHERE tp_finished AND tp_holder = 'APPLICANT') AS tp_applicant,
                     count(*) FILTER (WHERE tp_due AND running = 'TO_APPLICANT') AS tp_open
              FROM r WHERE ta_finished OR aa_finished OR tp_finished OR ta_due OR aa_due OR tp_due GROUP BY office_code, agency_code),
            paused_then AS MATERIALIZED (
              SELECT office_code, agency_code, ta_due, aa_due, tp_due, leg_running_in((SELECT w.to_status FROM dossier_event w
                       WHERE w.dossier_id = r.dossier_id AND w.to_status IS NOT NULL AND w.at \\< :end
                       ORDER BY w.at DESC, w.id DESC LIMIT 1)) AS running_then
              FROM r WHERE paused_at \\< :end AND COALESCE(status_at, received_at) >= :end AND (ta_due OR aa_due OR tp_due)),
            paused AS (
              SELECT office_code, agency_code, running_then AS stage, count(*) AS open FROM paused_then
              WHERE CASE running_then WHEN 'TO_AGENCY' THEN ta_due WHEN 'AT_AGENCY' THEN aa_due WHEN 'TO_APPLICANT' THEN tp_due END
              GROUP BY office_code, agency_code, running_then),
            legs AS (
              SELECT office_code, agency_code, s.* FROM per_pair CROSS JOIN LATERAL (VALUES
                ('TO_AGENCY', ta_finished, ta_on_time, ta_late, ta_post, ta_agency, ta_applicant, ta_open),
                ('AT_AGENCY', aa_finished, aa_on_time, aa_late, aa_post, aa_agency, aa_applicant, aa_open),
                ('TO_APPLICANT', tp_finished, tp_on_time, tp_late, tp_post, tp_agency, tp_applicant, tp_open))
                s(stage, finished, on_time, late, post, agency, applicant, open) WHERE finished > 0 OR open > 0
              UNION ALL SELECT office_code, agency_code, stage, 0, 0, 0, 0, 0, 0, open FROM paused)
            SELECT CASE WHEN GROUPING(office_code) = 0 THEN 'OFFICE' WHEN GROUPING(agency_code) = 0 THEN 'AGENCY' ELSE 'TOTAL' END AS dimension,
                   stage, COALESCE(office_code, agency_code) AS key, sum(finished)::bigint AS finished, sum(on_time)::bigint AS on_time,
                   sum(late)::bigint AS late, sum(post)::bigint AS late_held_by_post, sum(agency)::bigint AS late_held_by_agency,
                   sum(applicant)::bigint AS late_held_by_applicant, sum(open)::bigint AS overdue_open
            FROM legs GROUP BY GROUPING SETS ((stage), (stage, office_code), (stage, agency_code)) ORDER BY 1, 2, 3
            """)
    @RegisterConstructorMapper(LegRow.class)
    List<LegRow> legs(
            @Bind("firstDay") LocalDate firstDay,
            @Bind("dayAfter") LocalDate dayAfter,
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
