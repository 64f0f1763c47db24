package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.auth.Passwords;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.TestApp;

/**
 * The access log of personal data: every successful staff read of a dossier, a scan, a slip or a
 * return item, on the API and on the counter's pages, is one row saying who, what, when and from
 * where; refused reads are not; an administrator lists it by dossier, user and day, page by page.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessLogTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static String code;
    static String fileId;

    @BeforeAll
    static void setUp() {
        APP.addUser("lan", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("hung", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        APP.addUser("giam.sat", Role.SUPERVISOR, null, null);
        APP.addUser("quan.tri", Role.ADMIN, null, null);
        Response res = APP.post("lan", "/api/dossiers", Dossiers.judicialRecord());
        assertThat(res.getStatus()).isEqualTo(201);
        code = (String) json(res).get("code");
        assertThat(TestApp.status(APP.upload(
                        "lan", code, "TO_KHAI", Multipart.file("to-khai.pdf", "application/pdf", Scans.pdf(1)))))
                .isEqualTo(201);
        List<?> files = APP.as("lan", "/api/dossiers/" + code + "/files").get(List.class);
        fileId = String.valueOf(((Map<?, ?>) files.get(0)).get("id"));
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO web_session (token_hash, username, csrf_token, created_at, last_seen_at) "
                                + "VALUES (?, 'lan', 'csrf', now(), now())",
                        Passwords.tokenHash("session-lan")));
    }

    private static List<Map<String, Object>> entries(String query) {
        Response res = APP.as("quan.tri", "/api/access-log?" + query).get();
        assertThat(res.getStatus()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) json(res).get("items");
        return items;
    }

    @Test
    void everyStaffReadOfADossierIsRecordedWithWhoWhatAndWhere() {
        long before = count();
        assertThat(TestApp.status(APP.as("giam.sat", "/api/dossiers/" + code).get()))
                .isEqualTo(200);
        assertThat(TestApp.status(APP.as("giam.sat", "/api/dossiers/" + code + "/files/" + fileId)
                        .get()))
                .isEqualTo(200);
        assertThat(TestApp.status(APP.as("giam.sat", "/api/dossiers/" + code + "/slip.pdf")
                        .get()))
                .isEqualTo(200);
        Response page = EXT.client()
                .target(APP.url("/counter/ho-so/" + code))
                .request()
                .cookie("dossierpost_session", "session-lan")
                .get();
        assertThat(TestApp.status(page)).isEqualTo(200);
        assertThat(count()).isEqualTo(before + 4);

        List<Map<String, Object>> bySupervisor = entries("user=giam.sat&dossier=" + code);
        assertThat(bySupervisor).extracting(e -> e.get("kind")).startsWith("SLIP", "FILE", "DOSSIER"); // newest first
        Map<String, Object> file = bySupervisor.get(1);
        assertThat(file)
                .containsEntry("role", "SUPERVISOR")
                .containsEntry("dossierCode", code)
                .containsEntry("reference", fileId)
                .containsEntry("method", "GET")
                .containsEntry("path", "/api/dossiers/" + code + "/files/" + fileId)
                .containsEntry("address", "127.0.0.1");
        assertThat((String) file.get("at")).isNotBlank();
        assertThat(entries("user=lan&dossier=" + code))
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("kind", "DOSSIER")
                        .containsEntry("path", "/counter/ho-so/" + code)
                        .containsEntry("officeCode", Dossiers.OFFICE));
    }

    @Test
    void aRefusedReadReadsNothingAndIsNotRecorded() {
        long before = count();
        assertThat(TestApp.status(APP.as("hung", "/api/dossiers/" + code).get()))
                .isEqualTo(403);
        assertThat(TestApp.status(
                        APP.as("hung", "/api/dossiers/" + code + "/slip.pdf").get()))
                .isEqualTo(403);
        assertThat(count()).isEqualTo(before);
        assertThat(entries("user=hung")).isEmpty();
    }

    @Test
    void theLogIsPagedNewestFirstAndFilteredByDay() {
        for (int i = 0; i < 3; i++) {
            assertThat(TestApp.status(APP.as("giam.sat", "/api/dossiers/" + code + "/events")
                            .get()))
                    .isEqualTo(200);
        }
        Map<String, Object> first =
                json(APP.as("quan.tri", "/api/access-log?user=giam.sat&limit=2").get());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) first.get("items");
        assertThat(items).hasSize(2);
        Number next = (Number) first.get("next");
        assertThat(next).isNotNull();
        List<Map<String, Object>> rest = entries("user=giam.sat&limit=500&before=" + next);
        assertThat(rest).isNotEmpty();
        long lastOfFirst = ((Number) items.get(1).get("id")).longValue();
        assertThat(rest)
                .allSatisfy(e -> assertThat(((Number) e.get("id")).longValue()).isLessThan(lastOfFirst));

        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        assertThat(entries("user=giam.sat&from=" + today + "&to=" + today)).isNotEmpty();
        assertThat(entries("user=giam.sat&from=2001-01-01&to=2001-01-02")).isEmpty();
        Response bad = APP.as("quan.tri", "/api/access-log?from=yesterday").get();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.readEntity(String.class)).contains("from");
        assertThat(TestApp.status(APP.as("giam.sat", "/api/access-log").get())).isEqualTo(403);
    }

    @Test
    void aReturnItemReadByItsS10NumberIsRecordedUnderItsDossier() {
        APP.jdbi().useHandle(h -> {
            h.execute(
                    "INSERT INTO delivery (dossier_id, s10_number, office_code, method, commune_code) "
                            + "SELECT id, 'EA000000039VN', ?, 'HOME', '00070' FROM dossier WHERE code = ?",
                    Dossiers.OFFICE,
                    code);
        });
        assertThat(TestApp.status(APP.as("lan", "/api/deliveries/EA000000039VN").get()))
                .isEqualTo(200);
        assertThat(entries("user=lan&dossier=" + code).get(0))
                .containsEntry("kind", "DELIVERY")
                .containsEntry("dossierCode", code);
    }

    private static long count() {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM access_log")
                        .mapTo(Long.class)
                        .one());
    }
}
