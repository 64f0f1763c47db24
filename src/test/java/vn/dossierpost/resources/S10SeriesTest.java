package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * S10 numbers in series per office (issue 19): an administrator loads a series (422 naming the field
 * for a bad or overlapping one), an office running low is reported, then uses its next series, and
 * with none left intake is refused with 409; parallel intakes never share a number, also across the
 * end of a series.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class S10SeriesTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @BeforeAll
    static void users() {
        APP.addUser("admin", Role.ADMIN, null, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        APP.addUser("clerk.hp", Role.COUNTER, "180000", null);
        APP.addUser("clerk.dn", Role.COUNTER, "550000", null);
        APP.addSession("supervisor");
    }

    @Test
    void anAdministratorLoadsASeriesAndABadOrOverlappingOneIsRefusedNamingTheField() {
        Map<String, Object> list = json(APP.as("supervisor", "/api/s10-series").get(), 200);
        assertThat(list.get("alertBelow")).isEqualTo(10_000);
        assertThat(offices(list)).hasSize(7);
        assertThat(offices(list))
                .filteredOn(o -> "530000".equals(o.get("officeCode")))
                .singleElement()
                .satisfies(
                        o -> assertThat(o).containsEntry("remaining", 1_000_000).containsEntry("low", false));
        Map<String, Object> hue = series(list, "530000").get(0);
        assertThat(hue.get("state")).isEqualTo("ACTIVE");
        assertThat(((Number) hue.get("remaining")).longValue()).isEqualTo(1_000_000L);
        assertThat(S10Number.isValid((String) hue.get("firstNumber"))).isTrue();

        Map<String, Object> good = Map.of("officeCode", "530000", "prefix", "EE", "from", 1, "to", 1000);
        assertThat(TestApp.status(APP.post("supervisor", "/api/s10-series", good)))
                .isEqualTo(403);
        assertThat(fields(json(APP.post("admin", "/api/s10-series", body("nope", "e1", 5L, null)), 422)))
                .containsExactly("officeCode", "prefix", "to");
        assertThat(fields(json(APP.post("admin", "/api/s10-series", body("530000", "EE", 10L, 5L)), 422)))
                .containsExactly("to");
        assertThat(fields(json(APP.post("admin", "/api/s10-series", body("530000", "EE", -1L, 100_000_000L)), 422)))
                .containsExactly("from", "to");
        long taken = ((Number) hue.get("to")).longValue();
        Map<String, Object> overlap =
                json(APP.post("admin", "/api/s10-series", body("100000", "EH", taken, taken + 10)), 422);
        assertThat(fields(overlap)).containsExactly("from");
        assertThat(overlap.toString()).contains("overlaps series " + hue.get("id"), "office 530000");

        Map<String, Object> loaded = json(APP.post("admin", "/api/s10-series", good), 201);
        assertThat(loaded.get("state")).as("after the office's active series").isEqualTo("WAITING");
        assertThat(loaded.get("remaining")).isEqualTo(1000);
        assertThat(loaded.get("firstNumber")).isEqualTo(S10Number.of("EE", 1).value());
        assertThat(loaded.get("loadedBy")).isEqualTo("admin");
        // the same range of another prefix is another set of numbers; of the same prefix it is refused
        json(APP.post("admin", "/api/s10-series", body("900000", "EA", 1L, 1000L)), 201);
        assertThat(fields(json(APP.post("admin", "/api/s10-series", body("900000", "EE", 1000L, 2000L)), 422)))
                .containsExactly("from");
    }

    @Test
    void anOfficeRunningOutIsReportedThenUsesItsNextSeriesThenRefusesIntake() {
        leaveInFirstSeries("180000", 2);
        Map<String, Object> health = APP.healthCheck("s10-series");
        assertThat(health.get("healthy")).isEqualTo(false);
        assertThat((String) health.get("message")).contains("180000 (2 left)").contains("POST /api/s10-series");
        try (Response page = APP.page("supervisor", "/supervisor/can-xu-ly")) {
            assertThat(page.readEntity(String.class))
                    .contains("Sắp hết số hiệu bưu gửi (S10)")
                    .contains("Bưu cục Trung tâm Hải Phòng");
        }

        json(APP.post("admin", "/api/s10-series", body("180000", "EH", 99_999_990L, 99_999_992L)), 201);
        long end = ((Number) series(json(APP.as("admin", "/api/s10-series").get(), 200), "180000")
                        .get(0)
                        .get("to"))
                .longValue();
        List<Long> serials = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String s10 = (String) json(APP.post("clerk.hp", "/api/dossiers", Dossiers.judicialRecord()), 201)
                    .get("s10Number");
            assertThat(S10Number.isValid(s10)).isTrue();
            serials.add(S10Number.parse(s10).serial());
        }
        assertThat(serials).containsExactly(end - 1, end, 99_999_990L, 99_999_991L, 99_999_992L);

        Map<String, Object> list = json(APP.as("admin", "/api/s10-series").get(), 200);
        assertThat(series(list, "180000"))
                .filteredOn(s -> "EH".equals(s.get("prefix")))
                .extracting(s -> s.get("state"))
                .containsOnly("USED_UP");
        Map<String, Object> refused = json(APP.post("clerk.hp", "/api/dossiers", Dossiers.judicialRecord()), 409);
        assertThat((String) refused.get("message"))
                .contains("post office 180000 has no S10 numbers left")
                .contains("POST /api/s10-series");
    }

    @Test
    void parallelIntakesNeverShareANumberAcrossTheEndOfASeries() throws Exception {
        long end = leaveInFirstSeries("550000", 15);
        json(APP.post("admin", "/api/s10-series", body("550000", "EH", 99_999_900L, 99_999_924L)), 201);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> calls = IntStream.range(0, 40)
                .<Callable<String>>mapToObj(i ->
                        () -> (String) json(APP.post("clerk.dn", "/api/dossiers", Dossiers.judicialRecord()), 201)
                                .get("s10Number"))
                .toList();
        List<Long> serials = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(calls)) {
            serials.add(S10Number.parse(f.get()).serial());
        }
        pool.shutdown();
        List<Long> expected =
                new ArrayList<>(LongStream.rangeClosed(end - 14, end).boxed().toList());
        expected.addAll(LongStream.rangeClosed(99_999_900L, 99_999_924L).boxed().toList());
        assertThat(serials).containsExactlyInAnyOrderElementsOf(expected);
        json(APP.post("clerk.dn", "/api/dossiers", Dossiers.judicialRecord()), 409);
    }

    /** Moves the office's first series on so that only {@code left} numbers remain in it; returns its last serial. */
    static long leaveInFirstSeries(String office, int left) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("UPDATE s10_series SET next_serial = serial_to - :left + 1 WHERE id = "
                                + "(SELECT min(id) FROM s10_series WHERE office_code = :office) RETURNING serial_to")
                        .bind("left", left)
                        .bind("office", office)
                        .mapTo(Long.class)
                        .one());
    }

    static Map<String, Object> body(String office, String prefix, Long from, Long to) {
        Map<String, Object> b = new HashMap<>();
        b.put("officeCode", office);
        b.put("prefix", prefix);
        b.put("from", from);
        b.put("to", to);
        return b;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> offices(Map<String, Object> list) {
        return (List<Map<String, Object>>) list.get("offices");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> series(Map<String, Object> list, String office) {
        return ((List<Map<String, Object>>) list.get("series"))
                .stream().filter(s -> office.equals(s.get("officeCode"))).toList();
    }

    static List<String> fields(Map<String, Object> problem) {
        return ((List<?>) problem.get("errors"))
                .stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
    }

    static Map<String, Object> json(Response r, int expected) {
        try (r) {
            Map<String, Object> body = TestApp.json(r);
            assertThat(r.getStatus()).as("%s", body).isEqualTo(expected);
            return body;
        }
    }
}
