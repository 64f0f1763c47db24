package vn.dossierpost.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Digitised dossiers ready to leave, agencies pointed at test servers, and waiting for the routes. */
public final class Handovers {
    public static final String SECRET = "khoa-bi-mat-cua-so-tu-phap-HN";
    /** A few distinct scans, made once: rendering a new one for every dossier costs more than sending it. */
    private static final Map<String, byte[]> SCANS = new java.util.concurrent.ConcurrentHashMap<>();

    private Handovers() {
    }

    /** A dossier taken in and fully scanned (so DIGITISED and queued for handover); returns its code. */
    public static String digitised(TestApp app, String clerk, int seed) {
        Response res = app.post(clerk, "/api/dossiers", Dossiers.judicialRecord());
        assertThat(res.getStatus()).isEqualTo(201);
        String code = (String) TestApp.json(res).get("code");
        assertThat(TestApp.status(app.upload(clerk, code, "TO_KHAI", Multipart.file("tờ khai lý lịch.pdf", "application/pdf",
                SCANS.computeIfAbsent("pdf" + seed % 3, k -> Scans.pdf(1 + seed % 3)))))).isEqualTo(201);
        assertThat(TestApp.status(app.upload(clerk, code, "GIAY_TO_TUY_THAN", Multipart.file("căn cước.png", "image/png",
                SCANS.computeIfAbsent("png" + seed % 7, k -> Scans.png(seed % 7)))))).isEqualTo(201);
        return code;
    }

    /** Points an agency at a channel through the admin API (which rebuilds its route at once). */
    public static void configure(TestApp app, String admin, String agency, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(settings);
        body.putIfAbsent("secret", SECRET);
        body.putIfAbsent("batchWindowMs", 100);
        Response res = app.as(admin, "/api/agencies/" + agency).put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
        Map<String, Object> view = TestApp.json(res);
        assertThat(res.getStatus()).as("%s", view).isEqualTo(200);
    }

    public static void http(TestApp app, String admin, String agency, String baseUrl) {
        configure(app, admin, agency, Map.of("channel", "HTTP", "baseUrl", baseUrl));
    }

    public static String status(TestApp app, String code) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT status FROM dossier WHERE code = :c").bind("c", code)
                .mapTo(String.class).one());
    }

    public static void awaitStatus(TestApp app, String code, String status) {
        await(() -> status.equals(status(app, code)), Duration.ofSeconds(20), () -> code + " to be " + status + ", is " + status(app, code));
    }

    public static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The handover numbers a dossier has been in, oldest first. */
    public static List<String> handoversOf(TestApp app, String code) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT h.no FROM handover h JOIN handover_item i ON i.handover_id = h.id "
                + "JOIN dossier d ON d.id = i.dossier_id WHERE d.code = :c ORDER BY h.id").bind("c", code).mapTo(String.class).list());
    }

    /** The dossier's timeline as event types. */
    public static List<String> eventTypes(TestApp app, String code) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT e.type FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id "
                + "WHERE d.code = :c ORDER BY e.id").bind("c", code).mapTo(String.class).list());
    }
}
