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

    private Handovers() {}

    /** A dossier taken in and fully scanned (so DIGITISED and queued for handover); returns its code. */
    public static String digitised(TestApp app, String clerk, int seed) {
        return digitised(app, clerk, seed, Dossiers.judicialRecord());
    }

    /** As above for a judicial record {@code body}; any document beyond the two usual ones gets a PDF too (first). */
    @SuppressWarnings("unchecked")
    public static String digitised(TestApp app, String clerk, int seed, Map<String, Object> body) {
        Response res = app.post(clerk, "/api/dossiers", body);
        assertThat(res.getStatus()).isEqualTo(201);
        String code = (String) TestApp.json(res).get("code");
        // any further document first: the two required ones complete the dossier, which may leave at
        // once, and a scan for a dossier on its way is refused
        for (Map<String, Object> c : (List<Map<String, Object>>) body.get("components")) {
            String component = (String) c.get("code");
            if (!component.equals("TO_KHAI") && !component.equals("GIAY_TO_TUY_THAN")) {
                assertThat(TestApp.status(app.upload(
                                clerk,
                                code,
                                component,
                                Multipart.file(component + ".pdf", "application/pdf", Scans.pdf(1)))))
                        .isEqualTo(201);
            }
        }
        assertThat(TestApp.status(app.upload(
                        clerk,
                        code,
                        "TO_KHAI",
                        Multipart.file(
                                "tờ khai lý lịch.pdf",
                                "application/pdf",
                                SCANS.computeIfAbsent("pdf" + seed % 3, k -> Scans.pdf(1 + seed % 3))))))
                .isEqualTo(201);
        assertThat(TestApp.status(app.upload(
                        clerk,
                        code,
                        "GIAY_TO_TUY_THAN",
                        Multipart.file(
                                "căn cước.png",
                                "image/png",
                                SCANS.computeIfAbsent("png" + seed % 7, k -> Scans.png(seed % 7))))))
                .isEqualTo(201);
        return code;
    }

    /** Points an agency at a channel through the admin API (which rebuilds its route at once). */
    public static void configure(TestApp app, String admin, String agency, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(settings);
        body.putIfAbsent("secret", SECRET);
        body.putIfAbsent("batchWindowMs", 100);
        Response res =
                app.as(admin, "/api/agencies/" + agency).put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
        Map<String, Object> view = TestApp.json(res);
        assertThat(res.getStatus()).as("%s", view).isEqualTo(200);
    }

    public static void http(TestApp app, String admin, String agency, String baseUrl) {
        configure(app, admin, agency, Map.of("channel", "HTTP", "baseUrl", baseUrl));
    }

    public static String status(TestApp app, String code) {
        return app.jdbi()
                .withHandle(h -> h.createQuery("SELECT status FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapTo(String.class)
                        .one());
    }

    public static void awaitStatus(TestApp app, String code, String status) {
        await(
                () -> status.equals(status(app, code)),
                Duration.ofSeconds(20),
                () -> code + " to be " + status + ", is " + status(app, code));
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

    /** A handover's state (SENDING, SENT, DELIVERED, FAILED), by its number. */
    public static String handoverState(TestApp app, String no) {
        return handoverColumn(app, "state", no);
    }

    /** Why a handover's last attempt failed, or null. */
    public static String handoverError(TestApp app, String no) {
        return handoverColumn(app, "last_error", no);
    }

    private static String handoverColumn(TestApp app, String column, String no) {
        return app.jdbi()
                .withHandle(h -> h.createQuery("SELECT " + column + " FROM handover WHERE no = :no")
                        .bind("no", no)
                        .mapTo(String.class)
                        .one());
    }

    /** The handover numbers a dossier has been in, oldest first. */
    public static List<String> handoversOf(TestApp app, String code) {
        return app.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT h.no FROM handover h JOIN handover_item i ON i.handover_id = h.id "
                                        + "JOIN dossier d ON d.id = i.dossier_id WHERE d.code = :c ORDER BY h.id")
                                .bind("c", code)
                                .mapTo(String.class)
                                .list());
    }

    /** The dossier's timeline as event types. */
    public static List<String> eventTypes(TestApp app, String code) {
        return app.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT e.type FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id "
                                        + "WHERE d.code = :c ORDER BY e.id")
                                .bind("c", code)
                                .mapTo(String.class)
                                .list());
    }

    /**
     * {@code n} copies of a digitised dossier, made in one transaction with SQL (same documents and
     * scans, new code and S10 number) and queued for handover: a burst of work for the routes without
     * going through intake and upload {@code n} times. Returns the new codes.
     */
    public static List<String> copiesOf(TestApp app, String template, int n) {
        return app.jdbi().inTransaction(h -> {
            List<String> columns = h.createQuery(
                            "SELECT column_name FROM information_schema.columns WHERE table_name = 'dossier' "
                                    + "AND column_name NOT IN ('id', 'code', 's10_number', 'return_s10_number', 'status') "
                                    + "AND is_generated = 'NEVER' ORDER BY ordinal_position")
                    .mapTo(String.class)
                    .list();
            String others = String.join(", ", columns);
            long templateId = h.createQuery("SELECT id FROM dossier WHERE code = :c")
                    .bind("c", template)
                    .mapTo(Long.class)
                    .one();
            String prefix =
                    template.substring(0, template.lastIndexOf('-', template.lastIndexOf('-') - 1)) + "-991231-";
            List<String> codes = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String code = prefix + String.format("%04d", i);
                String s10 = vn.dossierpost.domain.S10Number.of("EH", 90_000_000L + i)
                        .toString();
                long id = h.createQuery("INSERT INTO dossier (code, s10_number, status, " + others
                                + ") SELECT :code, :s10, 'DIGITISED', " + others
                                + " FROM dossier WHERE id = :t RETURNING id")
                        .bind("code", code)
                        .bind("s10", s10)
                        .bind("t", templateId)
                        .mapTo(Long.class)
                        .one();
                h.execute(
                        "INSERT INTO dossier_component (dossier_id, code, name, form, pages, position) "
                                + "SELECT ?, code, name, form, pages, position FROM dossier_component WHERE dossier_id = ?",
                        id,
                        templateId);
                h.execute(
                        "INSERT INTO dossier_file (dossier_id, component_code, original_name, size_bytes, sha256, content_type, page_count, "
                                + "uploaded_by, uploaded_at) SELECT ?, component_code, original_name, size_bytes, sha256, content_type, page_count, "
                                + "uploaded_by, uploaded_at FROM dossier_file WHERE dossier_id = ?",
                        id,
                        templateId);
                h.execute(
                        "INSERT INTO dossier_event (dossier_id, type, from_status, to_status, at, actor) "
                                + "VALUES (?, 'DIGITISED', 'RECEIVED', 'DIGITISED', now(), 'test')",
                        id);
                h.execute(
                        "INSERT INTO outbox (kind, dossier_id, agency_code, created_at, available_at) "
                                + "SELECT 'HANDOVER', id, agency_code, now(), now() FROM dossier WHERE id = ?",
                        id);
                codes.add(code);
            }
            return codes;
        });
    }
}
