package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.LegClock;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.ReportSeed;
import vn.dossierpost.support.TestApp;

/**
 * The report projection (migration 034): its SQL leg rules are {@link LegClock}'s for every status,
 * its rows equal their definition after the triggers kept them, and a change of the service's zone
 * judges the late legs again in the new zone's days.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReportProjectionTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @BeforeAll
    static void seed() {
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        APP.jdbi().useTransaction(ReportSeed::seed);
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
