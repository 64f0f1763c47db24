package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.KnownHostsFiles;
import vn.dossierpost.support.TestApp;

/**
 * Where an administrator may point an agency: https only (plain http to the loopback hosts of
 * handover.allowPlainHttp), no link-local or metadata address, folders under handover.fileDropRoots,
 * SFTP only to a server whose host key is pinned; each refusal a 422 naming the field, nothing
 * stored. A row changed behind the API's back gets no route. And every change is recorded with who
 * made it, secrets masked.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AgencyChannelRulesTest {
    static final String PINNED = "sftp.pinned.hanoi.gov.vn";
    static final TestApp APP = new TestApp(ConfigOverride.config(
            "handover.sftpKnownHosts",
            KnownHostsFiles.pinning("[" + PINNED + "]:2222").toString()));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String AGENCY = "000.00.15.H29";
    static final String SECRET = "khoa-bi-mat-so-tu-phap-hcm-2026";
    static final String SECRET_2 = "khoa-bi-mat-moi-so-tu-phap-2027";
    static final String SFTP_PASSWORD = "mat-khau-sftp-2026";
    /** under target/, which test-config.yml lists in handover.fileDropRoots */
    static final String BASE = TestApp.newDataDir().toString();

    @BeforeAll
    static void users() {
        APP.addUser("admin.lan", Role.ADMIN, null, null);
        APP.addUser("admin.hung", Role.ADMIN, null, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        APP.addUser("counter", Role.COUNTER, "100000", null);
    }

    static Response put(String user, String code, Map<String, Object> body) {
        return APP.as(user, "/api/agencies/" + code).put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    static Map<String, Object> revisionOf(String code) {
        return json(APP.as("admin.lan", "/api/agencies/" + code).get());
    }

    /** The field and message of a 422 naming exactly one field. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> refused(Response res) {
        Map<String, Object> answer = json(res);
        assertThat(res.getStatus()).as("%s", answer).isEqualTo(422);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
        assertThat(errors).as("%s", answer).hasSize(1);
        return errors.get(0);
    }

    void assertRefused(Map<String, Object> body, String field, String... words) {
        Object revision = revisionOf(AGENCY).get("revision");
        Map<String, Object> error = refused(put("admin.lan", AGENCY, body));
        assertThat(error.get("field")).as("%s", body).isEqualTo(field);
        assertThat((String) error.get("message")).as("%s", body).contains(words);
        assertThat(revisionOf(AGENCY).get("revision"))
                .as("nothing stored for %s", body)
                .isEqualTo(revision);
    }

    @Test
    void plainHttpOnlyToTheListedHostsAndHttpsElsewhere() {
        assertRefused(
                Map.of("channel", "HTTP", "baseUrl", "http://motcua.hcm.gov.vn/api", "secret", SECRET),
                "baseUrl",
                "https",
                "handover.allowPlainHttp");
        assertThat(TestApp.status(put(
                        "admin.lan",
                        AGENCY,
                        Map.of("channel", "HTTP", "baseUrl", "https://motcua.hcm.gov.vn/api", "secret", SECRET))))
                .isEqualTo(200);
        assertThat(TestApp.status(put("admin.lan", AGENCY, Map.of("baseUrl", "http://127.0.0.1:9/api"))))
                .isEqualTo(200);
        assertThat(TestApp.status(put("admin.lan", AGENCY, Map.of("baseUrl", "http://localhost:9/api"))))
                .isEqualTo(200);
    }

    @Test
    void noAgencyOnALinkLocalOrMetadataAddress() {
        for (String url : List.of(
                "https://169.254.169.254/latest/meta-data/",
                "http://169.254.169.254/",
                "https://[fe80::1]:8443/api",
                "https://metadata.google.internal/computeMetadata/v1/",
                "https://2852039166/")) {
            assertRefused(Map.of("channel", "HTTP", "baseUrl", url, "secret", SECRET), "baseUrl", "must");
        }
        assertRefused(
                Map.of("channel", "SFTP", "sftpHost", "169.254.169.254", "sftpUsername", "buudien", "outboxDir", "den"),
                "sftpHost",
                "link-local");
    }

    @Test
    void foldersStayUnderTheConfiguredRoots() {
        assertRefused(
                Map.of("channel", "FILE_DROP", "outboxDir", "/etc/cron.d", "inboxDir", BASE + "/hcm/di"),
                "outboxDir",
                "handover.fileDropRoots");
        assertRefused(
                Map.of("channel", "FILE_DROP", "outboxDir", BASE + "/hcm/den", "inboxDir", BASE + "/../../../../etc"),
                "inboxDir",
                "..");
        // an HTTP agency's inbox folder too
        assertRefused(
                Map.of("channel", "HTTP", "baseUrl", "https://motcua.hcm.gov.vn/api", "inboxDir", "/tmp/hcm"),
                "inboxDir",
                "handover.fileDropRoots");
        Response ok = put(
                "admin.lan",
                AGENCY,
                Map.of(
                        "channel",
                        "FILE_DROP",
                        "outboxDir",
                        BASE + "/hcm/den",
                        "inboxDir",
                        BASE + "/hcm/di",
                        "secret",
                        SECRET));
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(json(ok)).containsEntry("route", "Started");
    }

    @Test
    void sftpOnlyToAServerWhoseHostKeyIsPinned() {
        Map<String, Object> sftp = new HashMap<>(Map.of(
                "channel",
                "SFTP",
                "sftpHost",
                "sftp.hcm.gov.vn",
                "sftpPort",
                2222,
                "sftpUsername",
                "buudien",
                "sftpPassword",
                SFTP_PASSWORD,
                "outboxDir",
                "den",
                "secret",
                SECRET));
        assertRefused(sftp, "sftpHost", "no host key for [sftp.hcm.gov.vn]:2222", "handover.sftpKnownHosts");
        sftp.put("sftpHost", PINNED);
        sftp.put("sftpPort", 22);
        assertRefused(sftp, "sftpHost", "no host key for " + PINNED);
        sftp.put("sftpPort", 2222);
        Response ok = put("admin.lan", AGENCY, sftp);
        assertThat(ok.getStatus()).as("%s", ok.readEntity(String.class)).isEqualTo(200);
    }

    @Test
    void aRowChangedBehindTheApiOutsideThePolicyGetsNoRoute() {
        String code = "000.00.34.H26";
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE agency SET channel = 'HTTP', base_url = 'http://169.254.169.254/', secret = ?, "
                                + "revision = revision + 1 WHERE code = ?",
                        SECRET,
                        code));
        Handovers.await(
                () -> String.valueOf(revisionOf(code).get("route")).startsWith("failed"),
                Duration.ofSeconds(10),
                () -> code + " refused a route");
        assertThat((String) revisionOf(code).get("route"))
                .contains("channel policy")
                .contains("baseUrl");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyChangeIsRecordedWithWhoMadeItAndNoSecret() {
        String code = "000.00.35.H26";
        Map<String, Object> created = new HashMap<>(Map.of(
                "code",
                code,
                "name",
                "Sở Tư pháp thử",
                "provinceCode",
                "01",
                "communeCode",
                "00166",
                "address",
                "Số 1 phố Thử",
                "channel",
                "HTTP",
                "baseUrl",
                "https://stp.example.gov.vn/api",
                "secret",
                SECRET));
        assertThat(TestApp.status(APP.post("admin.lan", "/api/agencies", created)))
                .isEqualTo(201);
        assertThat(TestApp.status(put("admin.hung", code, Map.of("secret", SECRET_2, "batchWindowMs", 2000))))
                .isEqualTo(200);
        // refused: nothing recorded
        assertThat(TestApp.status(put("admin.hung", code, Map.of("baseUrl", "http://stp.example.gov.vn/api"))))
                .isEqualTo(422);
        assertThat(TestApp.status(APP.as("admin.lan", "/api/agencies/" + code + "/pickup-office")
                        .put(Entity.json(Map.of("officeCode", "152000")))))
                .isEqualTo(200);

        Response res = APP.as("admin.lan", "/api/agencies/" + code + "/changes").get();
        assertThat(res.getStatus()).isEqualTo(200);
        String text = res.readEntity(String.class);
        assertThat(text).doesNotContain(SECRET).doesNotContain(SECRET_2);
        List<Map<String, Object>> changes;
        try {
            changes = new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, List.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(changes).hasSize(3);
        assertThat(changes).extracting(c -> c.get("changedBy")).containsExactly("admin.lan", "admin.hung", "admin.lan");
        assertThat(changes)
                .allSatisfy(c -> assertThat(c).containsEntry("agencyCode", code).containsKey("changedAt"));

        Map<String, Object> pickup = changes.get(0);
        assertThat((Map<String, Object>) pickup.get("before")).containsEntry("pickupOfficeCode", null);
        assertThat((Map<String, Object>) pickup.get("after")).containsEntry("pickupOfficeCode", "152000");

        Map<String, Object> update = changes.get(1);
        assertThat((Map<String, Object>) update.get("before"))
                .containsEntry("batchWindowMs", 500)
                .containsEntry("secret", "(set)")
                .containsEntry("sftpPassword", null);
        assertThat((Map<String, Object>) update.get("after"))
                .containsEntry("batchWindowMs", 2000)
                .containsEntry("secret", "(set, changed)")
                .containsEntry("baseUrl", "https://stp.example.gov.vn/api");

        Map<String, Object> creation = changes.get(2);
        assertThat(creation.get("before")).isNull();
        assertThat((Map<String, Object>) creation.get("after"))
                .containsEntry("name", "Sở Tư pháp thử")
                .containsEntry("secret", "(set)");

        List<?> latest = APP.as("admin.lan", "/api/agencies/" + code + "/changes?limit=1")
                .get()
                .readEntity(List.class);
        assertThat(latest).hasSize(1);
        for (String user : List.of("supervisor", "counter")) {
            assertThat(TestApp.status(
                            APP.as(user, "/api/agencies/" + code + "/changes").get()))
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(TestApp.status(APP.as("admin.lan", "/api/agencies/000.00.99.H26/changes")
                        .get()))
                .isEqualTo(404);
        Response badLimit = APP.as("admin.lan", "/api/agencies/" + code + "/changes?limit=abc")
                .get();
        assertThat(badLimit.getStatus()).isEqualTo(422);
        assertThat(json(badLimit)).containsEntry("field", "limit");
    }
}
