package vn.dossierpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostApplication;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * {@code bench-seed} into the test service's database, in several batches, after one dossier taken
 * in at the counter: the seeded dossiers are tracked, read, listed and reported as intake-made ones
 * are, their identifiers are valid and distinct, and the counter goes on after them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SeedCommandTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final int SEEDED = 2_000;
    static String intakeCode;
    static List<Map<String, Object>> indexesBefore;

    @BeforeAll
    static void seed() throws Exception {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        intakeCode = (String) TestApp.json(APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
        indexesBefore = rows(INDEXES);
        new SeedCommand()
                .run(
                        new Bootstrap<>(new DossierpostApplication()),
                        new Namespace(Map.of("dossiers", (long) SEEDED, "batch", 700, "workers", 2)),
                        EXT.getConfiguration());
    }

    static final String INDEXES =
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() " + "ORDER BY indexname";

    @Test
    void theIndexesDroppedForTheSeedAreAllBuiltAgain() {
        assertThat(indexesBefore).hasSizeGreaterThan(50);
        assertThat(rows(INDEXES)).isEqualTo(indexesBefore);
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'bench_seed_dropped_index'"))
                .isZero();
    }

    @Test
    void aboutOneLegInEightToTheAgencyIsLate() {
        String tz = EXT.getConfiguration().getIntake().timeZone;
        long handedOver = count("SELECT count(*) FROM dossier d JOIN dossier_event e ON e.dossier_id = d.id "
                + "WHERE d.received_by = 'bench-seed' AND e.to_status = 'DELIVERED_TO_AGENCY'");
        long late = count("SELECT count(*) FROM dossier d JOIN dossier_event e ON e.dossier_id = d.id "
                + "WHERE d.received_by = 'bench-seed' AND e.to_status = 'DELIVERED_TO_AGENCY' "
                + "AND (e.at AT TIME ZONE '" + tz + "')::date > d.handover_due");
        assertThat(handedOver).isGreaterThan(SEEDED / 2);
        assertThat((double) late / handedOver).isBetween(0.06, 0.20);
    }

    private static List<Map<String, Object>> rows(String sql) {
        return APP.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().list());
    }

    private static long count(String sql) {
        return APP.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void seededDossiersAreTrackedAndReadAsIntakeMadeOnes() {
        Map<String, Object> seeded = rows("SELECT code, s10_number, return_s10_number FROM dossier "
                        + "WHERE received_by = 'bench-seed' AND status = 'DELIVERED' ORDER BY id LIMIT 1")
                .get(0);
        Map<String, Object> track = TestApp.json(
                APP.as("clerk", "/api/track/" + seeded.get("s10_number")).get());
        Map<String, Object> made =
                TestApp.json(APP.as("clerk", "/api/track/" + intakeCode).get());
        assertThat(track.keySet()).containsAll(made.keySet());
        assertThat(track)
                .containsEntry("code", seeded.get("code"))
                .containsEntry("status", "DELIVERED")
                .containsEntry("returnS10Number", seeded.get("return_s10_number"));
        // the whole journey, from the counter to the door, in the public's words
        assertThat((List<?>) track.get("events")).hasSizeGreaterThanOrEqualTo(9);
        assertThat(track.get("applicant").toString()).doesNotContain("bench");

        Map<String, Object> dossier = TestApp.json(
                APP.as("supervisor", "/api/dossiers/" + seeded.get("code")).get());
        assertThat(dossier.get("status")).isEqualTo("DELIVERED");
        List<?> events = APP.as("supervisor", "/api/dossiers/" + seeded.get("code") + "/events")
                .get(List.class);
        assertThat(((Map<?, ?>) events.get(0)).get("toStatus")).isEqualTo("RECEIVED");
        assertThat(((Map<?, ?>) events.get(events.size() - 1)).get("toStatus")).isEqualTo("DELIVERED");
    }

    @Test
    void namesKeepTheirVietnameseLettersAndIdentifiersAreValidAndDistinct() {
        List<Map<String, Object>> all = rows("SELECT code, s10_number, return_s10_number, applicant_name, "
                + "applicant_citizen_id, applicant_phone FROM dossier WHERE received_by = 'bench-seed'");
        assertThat(all).hasSize(SEEDED);
        Set<String> numbers = new HashSet<>();
        for (Map<String, Object> d : all) {
            assertThat((String) d.get("code")).matches("\\d{3}\\.\\d{2}\\.\\d{2}\\.H\\d{2}-\\d{6}-\\d{4}");
            assertThat(S10Number.isValid((String) d.get("s10_number"))).isTrue();
            assertThat(numbers.add((String) d.get("s10_number"))).isTrue();
            if (d.get("return_s10_number") != null) {
                assertThat(S10Number.isValid((String) d.get("return_s10_number")))
                        .isTrue();
                assertThat(numbers.add((String) d.get("return_s10_number"))).isTrue();
            }
            assertThat((String) d.get("applicant_citizen_id")).matches("\\d{3}[01]\\d{8}");
            assertThat((String) d.get("applicant_phone")).matches("09\\d{8}");
        }
        assertThat(all.stream().map(d -> (String) d.get("applicant_name")))
                .anyMatch(n -> n.startsWith("Nguyễn "))
                .anyMatch(n -> n.contains("Đ") || n.contains("ư") || n.contains("ơ"));
        // a series of their own, recorded as used, so no series loaded later issues them again
        assertThat(count("SELECT count(*) FROM s10_series WHERE prefix = 'BX' AND next_serial > serial_to"))
                .isEqualTo(3);
    }

    @Test
    void theCounterGoesOnAfterTheSeededCodesOfTheDay() {
        String today = LocalDate.now(ZoneId.of(EXT.getConfiguration().getIntake().timeZone))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        long seededToday = count("SELECT count(*) FROM dossier WHERE agency_code = '" + Dossiers.AGENCY
                + "' AND code LIKE '%-" + today + "-%'");
        Map<String, Object> next = TestApp.json(APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord()));
        assertThat((String) next.get("code")).startsWith(Dossiers.AGENCY + "-").isNotEqualTo(intakeCode);
        if (((String) next.get("code")).contains("-" + today + "-")) {
            assertThat(Integer.parseInt(
                            ((String) next.get("code")).substring(((String) next.get("code")).length() - 4)))
                    .isEqualTo(seededToday + 1);
        }
    }

    @Test
    void listedByStatusAndCountedByTheReportAsTheyStand() {
        for (String status : List.of("HELD_AT_OFFICE", "IN_PROCESSING", "DELIVERED")) {
            Map<String, Object> page = TestApp.json(
                    APP.as("supervisor", "/api/dossiers?status=" + status).get());
            List<?> items = (List<?>) page.get("items");
            assertThat(items).isNotEmpty();
            assertThat(items)
                    .allSatisfy(i -> assertThat(((Map<?, ?>) i).get("status")).isEqualTo(status));
        }
        // each stands in the status its timeline ends in, changed when that last entry was made
        assertThat(count("SELECT count(*) FROM dossier d WHERE d.status <> (SELECT e.to_status FROM dossier_event e "
                        + "WHERE e.dossier_id = d.id AND e.to_status IS NOT NULL ORDER BY e.at DESC, e.id DESC LIMIT 1) "
                        + "OR d.updated_at < (SELECT max(e.at) FROM dossier_event e WHERE e.dossier_id = d.id)"))
                .isZero();

        LocalDate today = LocalDate.now(ZoneId.of(EXT.getConfiguration().getIntake().timeZone));
        Map<String, Object> report =
                TestApp.json(APP.as("supervisor", "/api/reports/volumes?from=" + today.minusDays(400) + "&to=" + today)
                        .get());
        Map<?, ?> line = totalOf(report, "volumes-office");
        assertThat(((Number) line.get("received")).longValue()).isEqualTo(count("SELECT count(*) FROM dossier"));
        assertThat(((Number) line.get("handedOver")).longValue())
                .isEqualTo(count("SELECT count(DISTINCT dossier_id) FROM dossier_event "
                        + "WHERE to_status = 'DELIVERED_TO_AGENCY'"));
        assertThat(((Number) line.get("returned")).longValue())
                .isEqualTo(count("SELECT count(*) FROM dossier WHERE status = 'DELIVERED'"))
                .isPositive();
        assertThat(((Number) line.get("withdrawn")).longValue())
                .isEqualTo(count("SELECT count(*) FROM dossier WHERE status = 'WITHDRAWN'"));
    }

    private static Map<?, ?> totalOf(Map<String, Object> report, String section) {
        for (Object s : (List<?>) report.get("sections")) {
            Map<?, ?> sec = (Map<?, ?>) s;
            if (section.equals(sec.get("key"))) {
                for (Object l : (List<?>) sec.get("rows")) {
                    if (Boolean.TRUE.equals(((Map<?, ?>) l).get("total"))) {
                        return (Map<?, ?>) l;
                    }
                }
            }
        }
        throw new AssertionError("no total line in " + section);
    }
}
