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
 * The supervisor's dashboard, counted in the database: dossiers taken in per day and office, how
 * each leg of the journey kept its due date, and what became of the results brought back. Days are
 * the offices' local days ({@code tz}); {@code office} confines every count to one office (null: all).
 */
@UseStringTemplateEngine
public interface DashboardDAO {

    record IntakeDay(LocalDate day, String officeCode, long dossiers) {}

    /**
     * One agency and office: for each leg, how many dossiers have finished it and how many of those
     * by their due date. A leg ends at its first event: handed over to the agency; the agency's answer
     * (result ready, or refused); the result delivered to the applicant: the first finishes the report
     * projection keeps ({@code report_dossier}, migration 034), so the timeline is not read; on time:
     * not late in the projection's judgement (migration 035: in the local days of the zone the last
     * periodic report was made in, the configured one).
     */
    record Legs(
            String agencyCode,
            String officeCode,
            long toAgencyDone,
            long toAgencyOnTime,
            long atAgencyDone,
            long atAgencyOnTime,
            long toApplicantDone,
            long toApplicantOnTime) {}

    /** Results that reached an office: delivered at the first attempt or later, held at the office, returned. */
    record Deliveries(long firstAttempt, long laterAttempt, long held, long returned, long underway) {}

    @SqlQuery("SELECT (received_at AT TIME ZONE :tz)::date AS day, office_code, count(*) AS dossiers FROM dossier "
            + "WHERE received_at >= :since <if(office)>AND office_code = :office<endif> "
            + "GROUP BY 1, 2 ORDER BY 1, 2")
    @RegisterConstructorMapper(IntakeDay.class)
    List<IntakeDay> intake(
            @Bind("tz") String tz,
            @Bind("since") OffsetDateTime since,
            @Define("office") @Bind("office") String office);

    @SqlQuery("SELECT agency_code, office_code, count(to_agency_at) AS to_agency_done, "
            + "count(*) FILTER (WHERE NOT to_agency_late) AS to_agency_on_time, "
            + "count(at_agency_at) AS at_agency_done, "
            + "count(*) FILTER (WHERE NOT at_agency_late) AS at_agency_on_time, "
            + "count(to_applicant_at) AS to_applicant_done, "
            + "count(*) FILTER (WHERE NOT to_applicant_late) AS to_applicant_on_time "
            + "FROM report_dossier WHERE received_at >= :since <if(office)>AND office_code = :office<endif> "
            + "GROUP BY 1, 2 ORDER BY 1, 2")
    @RegisterConstructorMapper(Legs.class)
    List<Legs> legs(@Bind("since") OffsetDateTime since, @Define("office") @Bind("office") String office);

    @SqlQuery("SELECT count(*) FILTER (WHERE d.status = 'DELIVERED' AND l.failed_attempts = 0) AS first_attempt, "
            + "count(*) FILTER (WHERE d.status = 'DELIVERED' AND l.failed_attempts > 0) AS later_attempt, "
            + "count(*) FILTER (WHERE d.status = 'HELD_AT_OFFICE') AS held, "
            + "count(*) FILTER (WHERE d.status = 'RETURNED_TO_AGENCY') AS returned, "
            + "count(*) FILTER (WHERE d.status NOT IN ('DELIVERED', 'HELD_AT_OFFICE', 'RETURNED_TO_AGENCY')) AS underway "
            + "FROM delivery l JOIN report_dossier d ON d.dossier_id = l.dossier_id "
            + "WHERE l.arrived_at >= :since <if(office)>AND l.office_code = :office<endif>")
    @RegisterConstructorMapper(Deliveries.class)
    Deliveries deliveries(@Bind("since") OffsetDateTime since, @Define("office") @Bind("office") String office);
}
