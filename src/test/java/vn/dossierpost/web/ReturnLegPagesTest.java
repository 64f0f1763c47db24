package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Results;
import vn.dossierpost.support.TestApp;

/**
 * The return leg's counter pages over plain HTTP: wrong form input comes back on the page (4xx, the
 * field and what is expected, nothing changed), and a held item goes back to its agency only once its
 * holding time is over.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReturnLegPagesTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String COLLECTOR = "thu.hadong";
    static final String CLERK = "lan";
    static final String COURIER = "buuta.an";
    static final String SUPERVISOR = "ks";
    static String agency;

    @BeforeAll
    static void setUp() {
        APP.addUser(COLLECTOR, Role.COUNTER, "152000", null);
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(COURIER, Role.COURIER, Dossiers.OFFICE, null);
        APP.addUser(SUPERVISOR, Role.SUPERVISOR, Dossiers.OFFICE, null);
        agency = APP.addTokenUser("stp-hanoi", Role.AGENCY, null, Dossiers.AGENCY);
        List.of(COLLECTOR, CLERK, SUPERVISOR).forEach(APP::addSession);
    }

    @Test
    void aCollectionWithoutTheResultItselfIsRefusedOnTheForm() {
        String code = Results.ready(APP, CLERK, agency, Dossiers.judicialRecord(), "LLTP-2026/0000201");
        Form originalsOnly = new Form("name", "Bản chính giấy khai sinh")
                .param("kind", "ORIGINAL_RETURNED")
                .param("copies", "1");
        try (Response r = post(COLLECTOR, "/counter/nhan-ket-qua/" + code, originalsOnly)) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class))
                    .contains("id=\"items-error\"", "must hold the result itself (kind RESULT)")
                    .contains("value=\"Bản chính giấy khai sinh\"");
        }
        try (Response r = post(COLLECTOR, "/counter/nhan-ket-qua/" + code, new Form())) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class)).contains("id=\"items-error\"", "is required: the result documents");
        }
        Form tooLong = new Form("name", "x".repeat(301)).param("kind", "RESULT").param("copies", "1");
        try (Response r = post(COLLECTOR, "/counter/nhan-ket-qua/" + code, tooLong)) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class)).contains("id=\"name-0-error\"", "at most 300 characters");
        }
        assertThat(count("SELECT count(*) FROM delivery")).isZero();
        // the pickup belongs to the office serving the agency: another office's clerk finds nothing to collect
        try (Response r = get(CLERK, "/counter/nhan-ket-qua/" + code)) {
            assertThat(r.getStatus()).isEqualTo(404);
        }
    }

    @Test
    void anEmptyOrUnknownNumberIsNamedBesideTheScanField() {
        try (Response r = post(CLERK, "/counter/buu-gui/den", new Form("s10", " "))) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class)).contains("id=\"s10-error\"", "Quét hoặc gõ số hiệu S10");
        }
        try (Response r = post(CLERK, "/counter/buu-gui/den", new Form("s10", "ea000000000vn"))) {
            assertThat(r.getStatus()).isEqualTo(404);
            assertThat(r.readEntity(String.class))
                    .contains("id=\"s10-error\"", "Không có bưu gửi kết quả nào mang số hiệu EA000000000VN")
                    .contains("value=\"EA000000000VN\"");
        }
    }

    @Test
    void aCourierGetsOnlyKnownCommunes() {
        try (Response r = post(CLERK, "/counter/buu-ta/" + COURIER, new Form("communes", "00070, 9999x"))) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class))
                    .contains("id=\"refusal\"", "unknown commune code &#39;9999x&#39;")
                    .contains("value=\"00070, 9999x\"");
        }
        assertThat(communes()).isEmpty();
        try (Response r = post(CLERK, "/counter/buu-ta/" + COURIER, new Form("communes", "00070 00082"))) {
            assertThat(r.getStatus()).isEqualTo(303);
        }
        assertThat(communes()).containsExactly("00070", "00082");
        try (Response r = get(CLERK, "/counter/buu-ta")) {
            assertThat(r.readEntity(String.class)).contains("Phường Hoàn Kiếm (00070)");
        }
        // the office's supervisor edits the same list, and comes back to it
        try (Response r = post(SUPERVISOR, "/counter/buu-ta/" + COURIER, new Form("communes", "00082"))) {
            assertThat(r.getStatus()).isEqualTo(303);
        }
        assertThat(communes()).containsExactly("00082");
        try (Response r = get(SUPERVISOR, "/counter/buu-ta")) {
            assertThat(r.readEntity(String.class))
                    .contains("Phường Cửa Nam (00082)")
                    .doesNotContain("id=\"office\"");
        }
    }

    @Test
    void theReconciliationNamesAWrongDateAndIsTheSupervisors() {
        try (Response r = get(SUPERVISOR, "/supervisor/doi-soat?date=31-12-2026")) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class)).contains("id=\"error\"", "must be a date YYYY-MM-DD");
        }
        try (Response r = get(SUPERVISOR, "/supervisor/doi-soat")) {
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.readEntity(String.class)).contains("Đối soát tiền thu hộ ngày");
        }
        try (Response r = get(CLERK, "/supervisor/doi-soat")) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
    }

    @Test
    void aHeldItemGoesBackToTheAgencyOnlyAfterItsHoldingTime() {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("delivery", new HashMap<>(Map.of("method", "PICKUP_AT_OFFICE")));
        String code = Results.ready(APP, CLERK, agency, body, "LLTP-2026/0000202");
        String s10;
        try (Response r = APP.post(
                COLLECTOR,
                "/api/dossiers/" + code + "/collection",
                Map.of(
                        "items",
                        List.of(Map.of("name", "Phiếu lý lịch tư pháp số 1", "kind", "RESULT", "copies", 1))))) {
            assertThat(r.getStatus()).isEqualTo(201);
            s10 = (String) TestApp.json(r).get("s10Number");
        }
        try (Response r = post(CLERK, "/counter/buu-gui/den", new Form("s10", s10))) {
            assertThat(r.getStatus()).isEqualTo(303);
        }
        try (Response r = post(CLERK, "/counter/buu-gui/" + s10 + "/trao", new Form("relation", "SELF"))) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class)).contains("id=\"hand-over-error\"", "clientAttemptId");
        }
        try (Response r = post(CLERK, "/counter/buu-gui/" + s10 + "/hoan-tra", new Form())) {
            assertThat(r.getStatus()).isEqualTo(409);
            assertThat(r.readEntity(String.class)).contains("id=\"refusal\"", "the applicant may collect it until");
        }
        assertThat(status(code)).isEqualTo("HELD_AT_OFFICE");
        try (Response r = get(CLERK, "/counter/buu-gui/luu-giu")) {
            assertThat(r.readEntity(String.class)).containsPattern("return-to-agency\" type=\"submit\" disabled");
        }

        APP.jdbi()
                .useHandle(
                        h -> h.execute("UPDATE delivery SET held_until = current_date - 1 WHERE s10_number = ?", s10));
        try (Response r = get(CLERK, "/counter/buu-gui/luu-giu")) {
            assertThat(r.readEntity(String.class)).doesNotContain("disabled");
        }
        try (Response r = post(CLERK, "/counter/buu-gui/" + s10 + "/hoan-tra", new Form())) {
            assertThat(r.getStatus()).isEqualTo(303);
        }
        assertThat(status(code)).isEqualTo("RETURNED_TO_AGENCY");
    }

    /** Alt+letter reaches one thing per page: the navigation's keys and the page's own never meet. */
    @Test
    void accessKeysAreUniqueOnEachPage() {
        for (String page : List.of(
                "/counter",
                "/counter/nhan-ket-qua",
                "/counter/buu-gui",
                "/counter/buu-gui/luu-giu",
                "/counter/buu-ta")) {
            try (Response r = get(CLERK, page)) {
                assertThat(r.getStatus()).isEqualTo(200);
                List<String> keys = Pattern.compile("accesskey=\"(.)\"")
                        .matcher(r.readEntity(String.class))
                        .results()
                        .map(m -> m.group(1))
                        .toList();
                assertThat(keys).as(page).doesNotHaveDuplicates().contains("h", "k", "g", "l", "u");
            }
        }
    }

    private static Response get(String user, String path) {
        return APP.page(user, path);
    }

    private static Response post(String user, String path, Form form) {
        return APP.postForm(user, path, form);
    }

    private static List<String> communes() {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT commune_code FROM courier_commune WHERE courier = :c ORDER BY commune_code")
                        .bind("c", COURIER)
                        .mapTo(String.class)
                        .list());
    }

    private static String status(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT status FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapTo(String.class)
                        .one());
    }

    private static long count(String sql) {
        return APP.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
