package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * Remittance to agencies through the API: the government fees of paid dossiers by day of payment,
 * the PDF statement and the CSV, and a statement marked remitted once (overlaps refused with 409).
 * Each test moves its dossiers' payments to days of its own, so the tests do not see each other's.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RemittanceResourceTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String BASE = "/api/remittances?agency=" + Dossiers.AGENCY;

    @BeforeAll
    static void users() {
        APP.addUser("thu.ngan", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("ke.toan", Role.SUPERVISOR, null, null);
        APP.addUser("kiem.soat.buu.cuc", Role.SUPERVISOR, Dossiers.OFFICE, null);
    }

    /** A dossier paid in cash at intake, its payment moved to noon (UTC+7) of the given day. */
    private static String paidOn(String day, String method) {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("paymentMethod", method);
        String code;
        try (Response res = APP.post("thu.ngan", "/api/dossiers", body)) {
            Map<String, Object> answer = json(res);
            assertThat(res.getStatus()).as(answer.toString()).isEqualTo(201);
            code = (String) answer.get("code");
        }
        APP.jdbi()
                .useHandle(h -> h.createUpdate("UPDATE payment SET paid_at = :at WHERE dossier_id = "
                                + "(SELECT id FROM dossier WHERE code = :code)")
                        .bind("at", OffsetDateTime.parse(day + "T12:00:00+07:00"))
                        .bind("code", code)
                        .execute());
        return code;
    }

    private static Map<String, Object> get(String query) {
        try (Response res = APP.as("ke.toan", BASE + query).get()) {
            Map<String, Object> answer = json(res);
            assertThat(res.getStatus()).as(answer.toString()).isEqualTo(200);
            return answer;
        }
    }

    private static Response remit(String user, String from, String to) {
        return APP.post(user, "/api/remittances", Map.of("agency", Dossiers.AGENCY, "from", from, "to", to));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> view) {
        return (List<Map<String, Object>>) view.get("lines");
    }

    @Test
    void theStatementListsThePaidFeesOfThePeriodByDossierWithTheTotal() {
        String first = paidOn("2025-03-03", "CASH");
        String second = paidOn("2025-03-05", "CASH");
        paidOn("2025-03-06", "CASH"); // the day after the period
        String pending = paidOn("2025-03-04", "VIETQR"); // a transfer not yet confirmed is not collected

        Map<String, Object> view = get("&from=2025-03-01&to=2025-03-05");

        assertThat(view)
                .containsEntry("number", "NT-" + Dossiers.AGENCY + "-20250301-20250305")
                .containsEntry("dossiers", 2)
                .containsEntry("total", 400_000)
                .containsEntry("remittedBy", null);
        assertThat(lines(view)).extracting(l -> l.get("dossierCode")).containsExactly(first, second);
        assertThat(lines(view)).extracting(l -> l.get("governmentFee")).containsOnly(200_000);
        assertThat(lines(view)).extracting(l -> l.get("dossierCode")).doesNotContain(pending);
    }

    @Test
    void aStatementIsRemittedOnceAndAnOverlappingPeriodIsRefused() {
        String code = paidOn("2025-04-10", "CASH");

        Map<String, Object> remitted;
        try (Response res = remit("ke.toan", "2025-04-01", "2025-04-30")) {
            remitted = json(res);
            assertThat(res.getStatus()).as(remitted.toString()).isEqualTo(201);
        }
        String number = "NT-" + Dossiers.AGENCY + "-20250401-20250430";
        assertThat(remitted)
                .containsEntry("number", number)
                .containsEntry("total", 200_000)
                .containsEntry("remittedBy", "ke.toan");
        assertThat(remitted.get("remittedAt")).isNotNull();

        try (Response again = remit("ke.toan", "2025-04-01", "2025-04-30")) {
            assertThat(again.getStatus()).isEqualTo(409);
        }
        try (Response overlap = remit("ke.toan", "2025-04-30", "2025-05-15")) {
            Map<String, Object> answer = json(overlap);
            assertThat(overlap.getStatus()).isEqualTo(409);
            assertThat(answer.toString()).contains(number);
        }
        // the stored statement: once, with its fee line
        int items = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM remittance_item i JOIN dossier d "
                                + "ON d.id = i.dossier_id WHERE d.code = :code")
                        .bind("code", code)
                        .mapTo(Integer.class)
                        .one());
        assertThat(items).isEqualTo(1);
        // a payment refunded after the remittance stays on the statement as it was remitted
        APP.jdbi()
                .useHandle(h -> h.createUpdate("UPDATE payment SET state = 'REFUNDED' WHERE dossier_id = "
                                + "(SELECT id FROM dossier WHERE code = :code)")
                        .bind("code", code)
                        .execute());
        Map<String, Object> view = get("&from=2025-04-01&to=2025-04-30");
        assertThat(view).containsEntry("remittedBy", "ke.toan").containsEntry("total", 200_000);
        assertThat(lines(view).get(0)).containsEntry("dossierCode", code).containsEntry("remittedIn", number);
    }

    @Test
    void aRemittedFeePaidBackAfterARefusalIsDeductedOnceOnTheAgencysNextStatement() {
        String refused = paidOn("2025-07-10", "CASH");
        String kept = paidOn("2025-08-05", "CASH");
        String earlyRefund = paidOn("2025-08-06", "CASH");
        try (Response res = remit("ke.toan", "2025-07-01", "2025-07-31")) {
            assertThat(res.getStatus()).isEqualTo(201);
        }
        refundedOn(refused, "2025-08-20");
        refundedOn(earlyRefund, "2025-08-07"); // paid back before any statement carried its fee

        Map<String, Object> august = get("&from=2025-08-01&to=2025-08-31");
        assertThat(lines(august))
                .extracting(l -> l.get("dossierCode") + " " + l.get("kind") + " " + l.get("governmentFee"))
                .containsExactly(kept + " FEE 200000", refused + " REFUND -200000");
        assertThat(august).containsEntry("total", 0).containsEntry("dossiers", 2);
        try (Response res = remit("ke.toan", "2025-08-01", "2025-08-31")) {
            assertThat(res.getStatus()).isEqualTo(201);
        }
        // deducted once: the next period does not carry it again, the July statement is unchanged
        try (Response res =
                APP.as("ke.toan", BASE + "&from=2025-09-01&to=2025-09-30").get()) {
            assertThat(lines(json(res))).extracting(l -> l.get("dossierCode")).doesNotContain(refused);
        }
        assertThat(get("&from=2025-07-01&to=2025-07-31")).containsEntry("total", 200_000);
        String csv;
        try (Response res = APP.as(
                        "ke.toan",
                        "/api/remittances/statement.csv?agency=" + Dossiers.AGENCY + "&from=2025-08-01&to=2025-08-31")
                .get()) {
            csv = res.readEntity(String.class);
        }
        assertThat(csv).contains(refused + ";").contains("Hoàn trả;2025-08-20;-200000");
    }

    /** The dossier's payment paid back (as the refund of a refusal records it) at noon of {@code day}. */
    private static void refundedOn(String code, String day) {
        APP.jdbi()
                .useHandle(h -> h.createUpdate("UPDATE payment SET state = 'REFUNDED', refunded_amount = 200000, "
                                + "refunded_at = :at WHERE dossier_id = (SELECT id FROM dossier WHERE code = :code)")
                        .bind("at", OffsetDateTime.parse(day + "T12:00:00+07:00"))
                        .bind("code", code)
                        .execute());
    }

    @Test
    void badPeriodsAndEmptyStatementsAreRefusedNamingTheField() {
        Map<String, String> cases = Map.of(
                "&from=2025-13-01&to=2025-12-31", "from",
                "&from=2025-02-01&to=2025-01-01", "to",
                "&from=2024-01-01&to=2025-12-31", "to",
                "&from=2025-01-01", "to");
        cases.forEach((query, field) -> {
            try (Response res = APP.as("ke.toan", BASE + query).get()) {
                assertThat(res.getStatus()).as(query).isEqualTo(422);
                assertThat(json(res).toString()).as(query).contains(field);
            }
        });
        try (Response res = APP.as("ke.toan", "/api/remittances?agency=KHONG.CO&from=2025-01-01&to=2025-01-31")
                .get()) {
            assertThat(res.getStatus()).isEqualTo(422);
            assertThat(json(res).toString()).contains("agency");
        }
        try (Response res = remit("ke.toan", "2019-01-01", "2019-01-31")) {
            assertThat(res.getStatus()).isEqualTo(422);
        }
        // an office-bound supervisor does not see the other offices' money
        try (Response res = APP.as("kiem.soat.buu.cuc", BASE + "&from=2025-01-01&to=2025-01-31")
                .get()) {
            assertThat(res.getStatus()).isEqualTo(403);
        }
    }

    @Test
    void thePdfAndTheCsvCarryTheSameLinesInVietnamese() throws Exception {
        String code = paidOn("2025-06-02", "CASH");
        String query = "&from=2025-06-01&to=2025-06-30";

        try (Response res = APP.as("ke.toan", "/api/remittances/statement.pdf?agency=" + Dossiers.AGENCY + query)
                .get()) {
            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(res.getMediaType().toString()).startsWith("application/pdf");
            try (var doc = Loader.loadPDF(res.readEntity(byte[].class))) {
                java.nio.file.Path dir =
                        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
                javax.imageio.ImageIO.write(
                        new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 96),
                        "png",
                        dir.resolve("remittance-statement.png").toFile());
                assertThat(new PDFTextStripper().getText(doc))
                        .contains("BẢNG KÊ NỘP PHÍ, LỆ PHÍ THU HỘ", code, "200.000", "02/06/2025", "Chưa nộp");
            }
        }
        try (Response res = APP.as("ke.toan", "/api/remittances/statement.csv?agency=" + Dossiers.AGENCY + query)
                .get()) {
            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(res.getMediaType().toString()).startsWith("text/csv");
            byte[] bytes = res.readEntity(byte[].class);
            assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
            String[] rows =
                    new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
            assertThat(rows).hasSize(3);
            assertThat(rows[0]).startsWith("Số bảng kê;Cơ quan;Mã hồ sơ");
            assertThat(rows[1].split(";")).contains(code, "2025-06-02", "200000");
            assertThat(rows[2]).contains("Tổng cộng", "200000");
        }
    }
}
