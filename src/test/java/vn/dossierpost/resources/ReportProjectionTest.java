package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.generic.GenericType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.db.ReportDAO;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.DossierTransitions;
import vn.dossierpost.domain.LegClock;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.ServiceForm;
import vn.dossierpost.support.ReportSeed;
import vn.dossierpost.support.TestApp;

/**
 * The report projection (migration 034): its SQL leg rules are {@link LegClock}'s for every status,
 * its rows equal their definition after the triggers kept them, and a change of the service's zone
 * judges the late legs again in the new zone's days; the legs open at a period's end, told from the
 * projection, are those the timeline tells.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReportProjectionTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @BeforeAll
    static void seed() {
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        APP.jdbi().useTransaction(ReportSeed::seed);
        // in the second quarter, clocks that stop and run again, or start at the agency
        APP.jdbi().useTransaction(h -> {
            dossier(h, "P1", ServiceForm.SEND_AND_RETURN, "2026-05-04", "2026-05-05", "2026-05-15", "2026-05-19");
            ReportSeed.events(
                    h, "P1", "RECEIVED 2026-05-04", "DIGITISED 2026-05-04", "IN_TRANSIT_TO_AGENCY 2026-05-05");
            ReportSeed.events(
                    h,
                    "P1",
                    "DELIVERED_TO_AGENCY 2026-05-06",
                    "IN_PROCESSING 2026-05-07",
                    "SUPPLEMENT_REQUESTED 2026-05-11");
            ReportSeed.events(
                    h,
                    "P1",
                    "IN_TRANSIT_TO_AGENCY 2026-05-20",
                    "DELIVERED_TO_AGENCY 2026-05-21",
                    "IN_PROCESSING 2026-05-22");
            ReportSeed.events(
                    h, "P1", "RESULT_READY 2026-06-10", "RESULT_COLLECTED 2026-06-11", "OUT_FOR_DELIVERY 2026-06-12");
            ReportSeed.events(
                    h, "P1", "DELIVERY_FAILED 2026-06-12", "HELD_AT_OFFICE 2026-06-13", "DELIVERED 2026-06-30");
            dossier(h, "P2", ServiceForm.RETURN_ONLY, "2026-05-04", null, "2026-05-20", "2026-05-25");
            ReportSeed.events(
                    h, "P2", "AWAITING_RESULT 2026-05-04", "RESULT_READY 2026-06-01", "RESULT_COLLECTED 2026-06-02");
            ReportSeed.events(h, "P2", "OUT_FOR_DELIVERY 2026-06-03", "DELIVERED 2026-06-04");
            dossier(h, "P3", ServiceForm.SEND_AND_RETURN, "2026-05-04", "2026-05-05", "2026-05-12", "2026-05-14");
            ReportSeed.events(
                    h, "P3", "RECEIVED 2026-05-04", "DIGITISED 2026-05-04", "IN_TRANSIT_TO_AGENCY 2026-05-05");
            ReportSeed.events(
                    h,
                    "P3",
                    "DELIVERED_TO_AGENCY 2026-05-06",
                    "SUPPLEMENT_REQUESTED 2026-05-08",
                    "WITHDRAWN 2026-05-30");
            dossier(h, "P4", ServiceForm.SEND_AND_RETURN, "2026-05-10", "2026-05-12", "2026-05-22", "2026-05-26");
            ReportSeed.events(
                    h,
                    "P4",
                    "RECEIVED 2026-05-10",
                    "DIGITISED 2026-05-10",
                    "IN_TRANSIT_TO_AGENCY 2026-05-11",
                    "DIGITISED 2026-05-13");
            ReportSeed.events(
                    h,
                    "P4",
                    "IN_TRANSIT_TO_AGENCY 2026-05-18",
                    "DELIVERED_TO_AGENCY 2026-05-19",
                    "RESULT_READY 2026-05-25");
            ReportSeed.events(
                    h,
                    "P4",
                    "RESULT_COLLECTED 2026-05-26",
                    "OUT_FOR_DELIVERY 2026-05-27",
                    "DELIVERY_FAILED 2026-05-27");
            ReportSeed.events(h, "P4", "RETURNED_TO_AGENCY 2026-06-20");
            dossier(h, "P5", ServiceForm.RETURN_ONLY, "2026-05-04", null, "2026-05-10", "2026-05-12");
            ReportSeed.events(h, "P5", "AWAITING_RESULT 2026-05-04", "WITHDRAWN 2026-05-28");
        });
    }

    @Test
    void theSqlLegRulesAreLegClocksForEveryStatus() {
        for (DossierStatus status : DossierStatus.values()) {
            Map<String, Object> sql = APP.jdbi()
                    .withHandle(h -> h.createQuery("SELECT leg_ended_by(:s) AS ended, leg_running_in(:s) AS running, "
                                    + "leg_holder(:s) AS holder")
                            .bind("s", status.name())
                            .mapToMap()
                            .one());
            String ended = null;
            String running = null;
            for (LegClock.Stage stage : LegClock.Stage.values()) {
                if (stage.endedBy().contains(status)) {
                    ended = stage.name();
                }
                if (stage.statuses().contains(status)) {
                    running = stage.name();
                }
            }
            assertThat(sql.get("ended")).as("the stage %s finishes", status).isEqualTo(ended);
            assertThat(sql.get("running")).as("the stage running in %s", status).isEqualTo(running);
            assertThat(sql.get("holder"))
                    .as("who holds a dossier in %s", status)
                    .isEqualTo(LegClock.heldBy(status).map(Enum::name).orElse(null));
        }
        for (ServiceForm form : ServiceForm.values()) {
            String first = APP.jdbi()
                    .withHandle(h -> h.createQuery("SELECT leg_first(:f)")
                            .bind("f", form.name())
                            .mapTo(String.class)
                            .one());
            DossierStatus initial = DossierTransitions.initialStatus(form);
            assertThat(first)
                    .as("the stage running first for %s", form)
                    .isEqualTo(LegClock.running(initial, form, null, null, null)
                            .map(c -> c.stage().name())
                            .orElse(null));
        }
    }

    /**
     * The report tells which legs were open past due at a period's end from the projection, reading
     * the timeline only for dossiers paused by then; here every period ending on a day of the first
     * half of 2026 (ten days long) is counted both ways, the other by reading the timeline's last
     * status before the end for every leg due in the period and not finished by its end.
     */
    @Test
    void theLegsOpenAtAPeriodsEndAreThoseTheTimelineTells() {
        String timeline = "SELECT leg.stage, count(*) FROM report_dossier r CROSS JOIN LATERAL (VALUES "
                + "('TO_AGENCY', r.to_agency_at, r.handover_due), ('AT_AGENCY', r.at_agency_at, r.result_due), "
                + "('TO_APPLICANT', r.to_applicant_at, r.return_due)) AS leg(stage, at, due) "
                + "LEFT JOIN LATERAL (SELECT w.to_status FROM dossier_event w WHERE w.dossier_id = r.dossier_id "
                + "AND w.to_status IS NOT NULL AND w.at < :end ORDER BY w.at DESC, w.id DESC LIMIT 1) last ON true "
                // the seeded dossiers of the first quarter have no first event: they were in their first leg
                + "WHERE leg.due >= :from AND leg.due < :to AND (leg.at IS NULL OR leg.at >= :end) "
                + "AND r.received_at < :end AND CASE WHEN last.to_status IS NULL THEN r.first_leg "
                + "ELSE leg_running_in(last.to_status) END = leg.stage GROUP BY leg.stage";
        ZoneId zone = ZoneId.of(EXT.getConfiguration().getIntake().timeZone);
        int periodsWithOpenLegs = 0;
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2026, 7, 5)); day = day.plusDays(1)) {
            LocalDate to = day;
            LocalDate from = to.minusDays(10);
            OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
            OffsetDateTime end = to.atStartOfDay(zone).toOffsetDateTime();
            Map<String, Long> expected = APP.jdbi()
                    .withHandle(h -> h.createQuery(timeline)
                            .bind("from", from)
                            .bind("to", to)
                            .bind("end", end)
                            .setMapKeyColumn("stage")
                            .setMapValueColumn("count")
                            .collectInto(new GenericType<Map<String, Long>>() {}));
            List<ReportDAO.LegRow> rows =
                    APP.jdbi().withExtension(ReportDAO.class, dao -> dao.legs(from, to, start, end, null));
            Map<String, Long> counted = new HashMap<>();
            rows.stream()
                    .filter(r -> r.dimension().equals("TOTAL") && r.overdueOpen() > 0)
                    .forEach(r -> counted.put(r.stage(), r.overdueOpen()));
            assertThat(counted).as("legs open at the end of %s to %s", from, to).isEqualTo(expected);
            periodsWithOpenLegs += expected.isEmpty() ? 0 : 1;
        }
        assertThat(periodsWithOpenLegs).isGreaterThan(40);
    }

    /** A dossier of 2.000488 at 100000 received at 09:00 on {@code day}, 56 000 of postage. */
    private static void dossier(
            Handle h,
            String code,
            ServiceForm form,
            String day,
            String handoverDue,
            String resultDue,
            String returnDue) {
        ReportSeed.dossier(
                h,
                code,
                form,
                "2.000488",
                "000.00.15.H26",
                "100000",
                day + " 09:00",
                handoverDue,
                resultDue,
                returnDue,
                56000,
                0,
                0);
    }

    @Test
    void everyRowIsItsDefinitionAndAnotherZoneIsPutRightByTheNextReport() {
        String differing = "SELECT count(*) FROM ((SELECT * FROM report_dossier EXCEPT SELECT * FROM "
                + "report_dossier_source) UNION ALL (SELECT * FROM report_dossier_source EXCEPT SELECT * FROM "
                + "report_dossier)) x";
        assertThat(count(differing)).isZero();
        // R4 reached the agency on 6 March at 12:00 Hà Nội time, a day after its due day (5 March):
        // late, in the post's hands. In Los Angeles' days that instant is still 5 March: on time.
        assertThat(r4LateBy()).isEqualTo("POST");
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE report_zone SET zone = 'America/Los_Angeles'; SELECT report_dossier_rebuild()"));
        assertThat(r4LateBy()).isNull();

        // the configured zone is Hà Nội's: the next report puts it back and judges the legs again
        assertThat(APP.as("supervisor", "/api/reports/timeliness?period=2026-Q1")
                        .get()
                        .getStatus())
                .isEqualTo(200);
        String zone = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT zone FROM report_zone")
                        .mapTo(String.class)
                        .one());
        assertThat(zone).isEqualTo(EXT.getConfiguration().getIntake().timeZone);
        assertThat(r4LateBy()).isEqualTo("POST");
        assertThat(count(differing)).isZero();
    }

    private static String r4LateBy() {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT r.to_agency_late_by FROM report_dossier r "
                                + "JOIN dossier d ON d.id = r.dossier_id WHERE d.code = 'R4'")
                        .mapTo(String.class)
                        .one());
    }

    private static long count(String sql) {
        return APP.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
