package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.KnownHostsFiles;
import vn.dossierpost.support.TestApp;

/**
 * The agency admin API: who may do what, every bad field named at once, partial changes that keep
 * the rest (secrets included), secrets never shown, and a change of channel that takes effect at once
 * (route started, health check green) without a restart.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AgencyResourceTest {
    /** the SFTP servers the tests name, their host keys pinned (an SFTP agency needs that) */
    static final TestApp APP = new TestApp(ConfigOverride.config(
            "handover.sftpKnownHosts",
            KnownHostsFiles.pinning("[sftp.stnmt.hanoi.gov.vn]:2222", "10.0.0.7")
                    .toString()));

    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "khoa-bi-mat-so-tai-nguyen-2026";
    static final String SFTP_PASSWORD = "mat&khau+sftp";
    /** agencies' folders: under target/, as the routes create them */
    static final String BASE = TestApp.newDataDir().toString();

    static final List<String> NOT_ADMINS = List.of("counter", "courier", "agency", "supervisor");

    @BeforeAll
    static void users() {
        APP.addUser("admin", Role.ADMIN, null, null);
        APP.addUser("counter", Role.COUNTER, "100000", null);
        APP.addUser("courier", Role.COURIER, "100000", null);
        APP.addUser("agency", Role.AGENCY, null, "000.00.15.H26");
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
    }

    /** A complete, valid FILE_DROP agency (mutable, so that a test can break it). */
    static Map<String, Object> agency(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Sở Tài nguyên và Môi trường Hà Nội");
        body.put("provinceCode", "01");
        body.put("communeCode", "00166");
        body.put("address", "Số 18 Huỳnh Thúc Kháng, phường Láng, Thành phố Hà Nội");
        body.put("channel", "FILE_DROP");
        body.put("outboxDir", BASE + "/" + code + "/den");
        body.put("inboxDir", BASE + "/" + code + "/di");
        body.put("secret", SECRET);
        body.put("batchWindowMs", 1000);
        body.put("batchSize", 50);
        return body;
    }

    static Response post(String user, Object body) {
        return APP.post(user, "/api/agencies", body);
    }

    static Response put(String user, String code, Object body) {
        return APP.as(user, "/api/agencies/" + code).put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    static Response putRaw(String user, String code, String body) {
        return APP.as(user, "/api/agencies/" + code).put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    static Response postRaw(String user, String body) {
        return APP.as(user, "/api/agencies").post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    static String storedSecret(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT secret FROM agency WHERE code = :c")
                        .bind("c", code)
                        .mapTo(String.class)
                        .one());
    }

    /** field → messages, from a validation answer */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> errors(Map<String, Object> answer) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
        assertThat(errors).as("%s", answer).isNotNull();
        return errors.stream()
                .collect(Collectors.groupingBy(
                        e -> (String) e.get("field"),
                        Collectors.mapping(e -> (String) e.get("message"), Collectors.toList())));
    }

    @Test
    void anAdministratorCreatesAnAgencyAndItIsShownWithoutItsSecrets() throws Exception {
        Map<String, Object> body = agency("000.00.31.H26");
        body.put("channel", "SFTP");
        body.put("sftpHost", "sftp.stnmt.hanoi.gov.vn");
        body.put("sftpPort", 2222);
        body.put("sftpUsername", "buudien");
        body.put("sftpPassword", SFTP_PASSWORD);
        body.put("outboxDir", "den");
        Response res = post("admin", body);
        assertThat(res.getStatus()).isEqualTo(201);
        assertThat(res.getLocation()).isNotNull();
        assertThat(res.getLocation().getPath()).isEqualTo("/api/agencies/000.00.31.H26");
        Map<String, Object> created = json(res);
        assertThat(created)
                .containsEntry("code", "000.00.31.H26")
                .containsEntry("channel", "SFTP")
                .containsEntry("secretSet", true)
                .containsEntry("sftpPasswordSet", true)
                .containsEntry("configured", true)
                .containsEntry("sftpUsername", "buudien")
                .containsEntry("sftpPort", 2222)
                .containsEntry("batchSize", 50)
                .doesNotContainKeys("secret", "sftpPassword");

        Response got = APP.as("admin", res.getLocation().getPath()).get();
        assertThat(got.getStatus()).isEqualTo(200);
        String text = got.readEntity(String.class);
        Map<?, ?> view = JSON.readValue(text, Map.class);
        assertThat(view.get("secretSet")).isEqualTo(true);
        assertThat(view.get("sftpPasswordSet")).isEqualTo(true);
        assertThat(view.get("name")).isEqualTo("Sở Tài nguyên và Môi trường Hà Nội");
        assertThat(view.get("communeCode")).isEqualTo("00166");
        assertThat(text).doesNotContain(SECRET).doesNotContain(SFTP_PASSWORD);
        // supervisors read it too, without the secrets
        Response bySupervisor =
                APP.as("supervisor", "/api/agencies/000.00.31.H26").get();
        assertThat(bySupervisor.getStatus()).isEqualTo(200);
        assertThat(bySupervisor.readEntity(String.class)).doesNotContain(SECRET).doesNotContain(SFTP_PASSWORD);

        // a second create of the same code is a conflict, and changes nothing
        Map<String, Object> again = agency("000.00.31.H26");
        again.put("name", "Tên khác");
        Response conflict = post("admin", again);
        assertThat(conflict.getStatus()).isEqualTo(409);
        Map<String, Object> problem = json(conflict);
        assertThat((String) problem.get("message")).contains("000.00.31.H26").contains("PUT");
        assertThat(json(APP.as("admin", "/api/agencies/000.00.31.H26").get()))
                .containsEntry("name", "Sở Tài nguyên và Môi trường Hà Nội")
                .containsEntry("channel", "SFTP");
    }

    @Test
    void everyBadFieldIsNamedAtOnceAndNothingIsCreated() {
        Map<String, Object> body = agency("15.H26");
        body.put("name", " ");
        body.put("provinceCode", "99");
        body.put("channel", "FAX");
        body.put("secret", "ngan-qua");
        body.put("batchWindowMs", 10);
        body.put("batchSize", 5000);
        Response res = post("admin", body);
        assertThat(res.getStatus()).isEqualTo(422);
        Map<String, List<String>> errors = errors(json(res));
        assertThat(errors)
                .containsOnlyKeys(
                        "code",
                        "name",
                        "provinceCode",
                        "communeCode",
                        "channel",
                        "secret",
                        "batchWindowMs",
                        "batchSize");
        assertThat(errors.get("code").get(0)).contains("000.00.15.H26");
        assertThat(errors.get("secret").get(0)).contains("16");
        assertThat(errors.get("channel").get(0))
                .contains("HTTP")
                .contains("FILE_DROP")
                .contains("SFTP");

        // commune in another province, relative folders
        Map<String, Object> files = agency("000.00.32.H26");
        files.put("provinceCode", "79");
        files.put("outboxDir", "stnmt/den");
        files.put("inboxDir", "stnmt/di");
        Map<String, List<String>> fileErrors = errors(json(post("admin", files)));
        assertThat(fileErrors).containsOnlyKeys("communeCode", "outboxDir", "inboxDir");
        assertThat(fileErrors.get("communeCode").get(0)).contains("00166").contains("79");
        assertThat(fileErrors.get("outboxDir").get(0)).contains("absolute");
        assertThat(fileErrors.get("inboxDir").get(0)).contains("absolute");

        // packages out and acknowledgements in through the same folder
        Map<String, Object> same = agency("000.00.32.H26");
        same.put("inboxDir", same.get("outboxDir"));
        Response sameRes = post("admin", same);
        assertThat(sameRes.getStatus()).isEqualTo(422);
        assertThat(errors(json(sameRes))).containsOnlyKeys("inboxDir");

        // HTTP: the base URL must be http(s); the upper bounds of the batch settings
        Map<String, Object> http = agency("000.00.32.H26");
        http.put("channel", "HTTP");
        http.put("baseUrl", "ftp://motcua.hanoi.gov.vn/api");
        http.put("batchWindowMs", 3_600_001);
        http.put("batchSize", 0);
        Map<String, List<String>> httpErrors = errors(json(post("admin", http)));
        assertThat(httpErrors).containsOnlyKeys("baseUrl", "batchWindowMs", "batchSize");
        http.put("baseUrl", "motcua.hanoi.gov.vn/api");
        assertThat(errors(json(post("admin", http)))).containsKey("baseUrl");

        assertThat(TestApp.status(APP.as("admin", "/api/agencies/000.00.32.H26").get()))
                .isEqualTo(404);
        assertThat(TestApp.status(APP.as("admin", "/api/agencies/15.H26").get()))
                .isEqualTo(404);
    }

    @Test
    void aFolderServesOneAgencyAndCannotHoldEndpointSyntax() {
        assertThat(TestApp.status(post("admin", agency("000.00.40.H26")))).isEqualTo(201);
        Map<String, Object> sharing = agency("000.00.41.H27");
        sharing.put("outboxDir", BASE + "/000.00.40.H26/den/");
        sharing.put("inboxDir", BASE + "/000.00.40.H26/./di");
        Map<String, List<String>> errors = errors(json(post("admin", sharing)));
        assertThat(errors).containsOnlyKeys("outboxDir", "inboxDir");
        assertThat(errors.get("outboxDir").get(0)).contains("000.00.40.H26");
        assertThat(errors.get("inboxDir").get(0)).contains("000.00.40.H26");
        // an SFTP agency's local inbox too
        Map<String, Object> sftp = agency("000.00.41.H27");
        sftp.putAll(Map.of(
                "channel",
                "SFTP",
                "sftpHost",
                "10.0.0.7",
                "sftpUsername",
                "buudien",
                "outboxDir",
                "den",
                "inboxDir",
                BASE + "/000.00.40.H26/di"));
        assertThat(errors(json(post("admin", sftp)))).containsOnlyKeys("inboxDir");

        Map<String, Object> syntax = agency("000.00.41.H27");
        syntax.put("outboxDir", BASE + "/den?delete=true");
        syntax.put("inboxDir", BASE + "/{{di}}");
        Map<String, List<String>> syntaxErrors = errors(json(post("admin", syntax)));
        assertThat(syntaxErrors).containsOnlyKeys("outboxDir", "inboxDir");
        assertThat(syntaxErrors.get("outboxDir").get(0)).contains("'?'");
        Map<String, Object> sftpSyntax = agency("000.00.41.H27");
        sftpSyntax.putAll(Map.of(
                "channel",
                "SFTP",
                "sftpHost",
                "10.0.0.7",
                "sftpUsername",
                "buudien",
                "outboxDir",
                "den?x=1",
                "sftpPassword",
                "a{{b}}",
                "inboxDir",
                BASE + "/000.00.41.H27/di"));
        assertThat(errors(json(post("admin", sftpSyntax)))).containsOnlyKeys("outboxDir", "sftpPassword");
        assertThat(TestApp.status(APP.as("admin", "/api/agencies/000.00.41.H27").get()))
                .isEqualTo(404);

        // once the first agency moves away, its old folders are free
        assertThat(TestApp.status(put(
                        "admin",
                        "000.00.40.H26",
                        Map.of("outboxDir", BASE + "/moi/den", "inboxDir", BASE + "/moi/di"))))
                .isEqualTo(200);
        Map<String, Object> created = json(post("admin", sharing));
        assertThat(created).containsEntry("code", "000.00.41.H27").containsEntry("route", "Started");
    }

    @Test
    void anAgencyWhoseRouteCannotStartIsReportedAndDoesNotHoldUpTheOthers() {
        // two rows changed behind the API's back (another node, a script): the first takes a folder
        // that agency 000.00.43.H26 reads already, the second is fine
        assertThat(TestApp.status(post("admin", agency("000.00.43.H26")))).isEqualTo(201);
        String clash = "000.00.23.H26";
        String fine = "000.00.34.H26";
        APP.jdbi().useHandle(h -> {
            String sql =
                    "UPDATE agency SET channel = 'FILE_DROP', outbox_dir = ?, inbox_dir = ?, secret = ?, revision = revision + 1 "
                            + "WHERE code = ?";
            h.execute(sql, BASE + "/clash/den", BASE + "/000.00.43.H26/di", SECRET, clash);
            h.execute(sql, BASE + "/fine/den", BASE + "/fine/di", SECRET, fine);
        });
        try {
            // the timer sync (every 2 s in tests) picks the rows up
            Handovers.await(
                    () -> "Started"
                            .equals(json(APP.as("admin", "/api/agencies/" + fine)
                                            .get())
                                    .get("route")),
                    Duration.ofSeconds(10),
                    () -> fine + " started");
            assertThat((String) json(APP.as("admin", "/api/agencies/" + clash).get())
                            .get("route"))
                    .startsWith("failed: ")
                    .contains(BASE + "/000.00.43.H26/di");
            Map<String, Object> camel = APP.healthCheck("camel");
            assertThat(camel).containsEntry("healthy", false);
            assertThat((String) camel.get("message")).contains("1 agencies cannot be sent to");
        } finally {
            // an administrator gives it a folder of its own: started at once, all green again
            Response fixed = put("admin", clash, Map.of("inboxDir", BASE + "/clash/di"));
            assertThat(fixed.getStatus()).isEqualTo(200);
            assertThat(json(fixed)).containsEntry("route", "Started");
        }
        assertThat(APP.healthCheck("camel")).containsEntry("healthy", true);
    }

    @Test
    void aPartialChangeKeepsTheOtherFieldsAndTheSecretAndMovesTheRevision() {
        assertThat(TestApp.status(post("admin", agency("000.00.33.H26")))).isEqualTo(201);
        Map<String, Object> before =
                json(APP.as("admin", "/api/agencies/000.00.33.H26").get());

        Response res = put("admin", "000.00.33.H26", Map.of("batchWindowMs", 2000));
        assertThat(res.getStatus()).isEqualTo(200);
        Map<String, Object> after = json(res);
        assertThat(after.get("batchWindowMs")).isEqualTo(2000);
        assertThat((Integer) after.get("revision")).isEqualTo((Integer) before.get("revision") + 1);
        Map<String, Object> unchanged = new HashMap<>(after);
        unchanged.remove("batchWindowMs");
        unchanged.remove("revision");
        unchanged.remove("route");
        Map<String, Object> expected = new HashMap<>(before);
        expected.remove("batchWindowMs");
        expected.remove("revision");
        expected.remove("route");
        assertThat(unchanged).isEqualTo(expected);
        assertThat(after)
                .containsEntry("secretSet", true)
                .containsEntry("name", "Sở Tài nguyên và Môi trường Hà Nội")
                .containsEntry("outboxDir", BASE + "/000.00.33.H26/den");
        assertThat(storedSecret("000.00.33.H26")).isEqualTo(SECRET);

        // a change that is refused changes nothing, not even the revision
        Response refused = put("admin", "000.00.33.H26", Map.of("batchSize", 0, "name", "Tên mới"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(errors(json(refused))).containsOnlyKeys("batchSize");
        assertThat(json(APP.as("admin", "/api/agencies/000.00.33.H26").get()))
                .containsEntry("revision", after.get("revision"))
                .containsEntry("name", "Sở Tài nguyên và Môi trường Hà Nội")
                .containsEntry("batchSize", 50);

        // the code in the body, when given, must be the one in the path
        Response otherCode = put("admin", "000.00.33.H26", Map.of("code", "000.00.34.H26"));
        assertThat(otherCode.getStatus()).isEqualTo(422);
        assertThat(json(otherCode)).containsEntry("field", "code");
    }

    @Test
    void onlyAdministratorsChangeAgencies() {
        assertThat(TestApp.status(post("admin", agency("000.00.35.H26")))).isEqualTo(201);
        for (String user : NOT_ADMINS) {
            assertThat(TestApp.status(post(user, agency("000.00.36.H26"))))
                    .as(user)
                    .isEqualTo(403);
            assertThat(TestApp.status(put(user, "000.00.35.H26", Map.of("name", "đổi tên"))))
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(TestApp.status(
                        APP.as("counter", "/api/agencies/000.00.35.H26").get()))
                .isEqualTo(403);
        Response anonymous = EXT.client()
                .target(APP.url("/api/agencies"))
                .request()
                .post(Entity.entity(agency("000.00.36.H26"), MediaType.APPLICATION_JSON_TYPE));
        assertThat(TestApp.status(anonymous)).isEqualTo(401);
        assertThat(TestApp.status(APP.as("admin", "/api/agencies/000.00.36.H26").get()))
                .isEqualTo(404);
        assertThat(json(APP.as("admin", "/api/agencies/000.00.35.H26").get()))
                .containsEntry("revision", 1)
                .containsEntry("name", "Sở Tài nguyên và Môi trường Hà Nội");
    }

    @Test
    void anUnknownAgencyIsNotFound() {
        Response get = APP.as("admin", "/api/agencies/000.00.99.H26").get();
        assertThat(get.getStatus()).isEqualTo(404);
        assertThat((String) json(get).get("message")).contains("000.00.99.H26");
        Response put = put("admin", "000.00.99.H26", Map.of("batchSize", 10));
        assertThat(put.getStatus()).isEqualTo(404);
        assertThat((String) json(put).get("message")).contains("000.00.99.H26");
    }

    @Test
    void allStaffListTheAgencies() {
        assertThat(TestApp.status(post("admin", agency("000.00.37.H26")))).isEqualTo(201);
        for (String user : List.of("admin", "counter", "courier", "agency", "supervisor")) {
            Response res = APP.as(user, "/api/agencies").get();
            assertThat(res.getStatus()).as(user).isEqualTo(200);
            String text = res.readEntity(String.class);
            assertThat(text)
                    .as(user)
                    .contains("000.00.15.H26")
                    .contains("000.00.37.H26")
                    .doesNotContain(SECRET);
        }
        assertThat(TestApp.status(
                        EXT.client().target(APP.url("/api/agencies")).request().get()))
                .isEqualTo(401);
    }

    @Test
    void switchingToHttpStartsTheRouteWithoutARestartAndTheHealthCheckStaysGreen() {
        String code = "000.00.15.H29";
        Map<String, Object> before =
                json(APP.as("admin", "/api/agencies/" + code).get());
        assertThat((String) before.get("route")).startsWith("no route");

        Response res = put(
                "admin",
                code,
                Map.of("channel", "HTTP", "baseUrl", "http://127.0.0.1:9/mot-cua/api", "secret", SECRET));
        assertThat(res.getStatus()).isEqualTo(200);
        Map<String, Object> view = json(res);
        assertThat(view)
                .containsEntry("channel", "HTTP")
                .containsEntry("configured", true)
                .containsEntry("route", "Started")
                .containsEntry("baseUrl", "http://127.0.0.1:9/mot-cua/api");
        assertThat(json(APP.as("supervisor", "/api/agencies/" + code).get())).containsEntry("route", "Started");

        Map<String, Object> camel = APP.healthCheck("camel");
        assertThat(camel).containsEntry("healthy", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> agencies = (Map<String, Object>) camel.get("agencies");
        assertThat(agencies).as("%s", camel).containsEntry(code, "Started");

        // and back to a channel without what it needs: the route goes, the agency waits
        Response off = put("admin", code, Map.of("channel", "FILE_DROP"));
        assertThat(off.getStatus()).isEqualTo(200);
        assertThat((String) json(off).get("route")).startsWith("no route");
    }

    @Test
    void malformedJsonAndWrongTypesAreClientErrorsNamingTheField() {
        Response broken = postRaw("admin", "{\"code\": \"000.00.38.H26\", ");
        assertThat(broken.getStatus()).isEqualTo(400);
        assertThat((String) json(broken).get("message")).contains("JSON");

        Map<String, String> wrongTypes = Map.of(
                "batchWindowMs", "{\"batchWindowMs\": \"fast\"}",
                "active", "{\"active\": \"yes\"}",
                "sftpPort", "{\"sftpPort\": 99999999999}",
                "name", "{\"name\": {\"vi\": \"Sở\"}}",
                "batchSize", "{\"batchSize\": [1, 2]}");
        wrongTypes.forEach((field, body) -> {
            for (Response res : List.of(postRaw("admin", body), putRaw("admin", "000.00.15.H26", body))) {
                Map<String, Object> answer = json(res);
                assertThat(res.getStatus()).as("%s → %s", body, answer).isEqualTo(422);
                assertThat(answer).as(body).containsEntry("field", field);
                assertThat((String) answer.get("message")).as(body).contains(field);
            }
        });

        Response notAnObject = postRaw("admin", "[1, 2]");
        assertThat(notAnObject.getStatus()).isBetween(400, 499);
        Response empty = postRaw("admin", "");
        assertThat(empty.getStatus()).isBetween(400, 499);
        Response nullBody = postRaw("admin", "null");
        assertThat(nullBody.getStatus()).isEqualTo(422);
    }

    @Test
    void theOfficeCollectingAnAgencysResultsFollowsTheRuleUnlessAnAdministratorChoosesOne() {
        String path = "/api/agencies/000.00.34.H26/pickup-office";
        // no office in the agency's commune (00199): the first of its province
        assertThat(json(APP.as("counter", path).get()))
                .containsEntry("officeCode", "100000")
                .containsEntry("chosen", false);
        assertThat(TestApp.status(APP.as("counter", path).put(Entity.json(Map.of("officeCode", "152000")))))
                .isEqualTo(403);
        Response unknown = APP.as("admin", path).put(Entity.json(Map.of("officeCode", "999999")));
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(errors(json(unknown))).containsKey("officeCode");
        assertThat(json(APP.as("admin", path).put(Entity.json(Map.of("officeCode", "152000")))))
                .containsEntry("officeCode", "152000")
                .containsEntry("chosen", true);
        Map<String, Object> none = new java.util.HashMap<>();
        none.put("officeCode", null);
        assertThat(json(APP.as("admin", path).put(Entity.json(none))))
                .containsEntry("officeCode", "100000")
                .containsEntry("chosen", false);
        assertThat(TestApp.status(APP.as("admin", "/api/agencies/000.00.99.H26/pickup-office")
                        .get()))
                .isEqualTo(404);
    }
}
