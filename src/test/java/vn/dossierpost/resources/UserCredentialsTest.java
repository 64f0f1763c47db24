package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;
import vn.dossierpost.web.Cookies;

/**
 * Disabling, enabling, new passwords and revoked tokens through the administrators' API, seen by
 * two nodes on one database: each change is refused (or let in) by the very next request on both,
 * although both had the old credentials remembered.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class UserCredentialsTest {
    static final TestApp NODE_A = new TestApp();
    static final DropwizardAppExtension<?> EXT_A = NODE_A.extension();
    static final TestApp NODE_B = TestApp.sharingDatabaseWith(NODE_A);
    static final DropwizardAppExtension<?> EXT_B = NODE_B.extension();
    static final String AGENCY = "000.00.15.H26";
    static final String NEW_PASSWORD = "mật-khẩu-mới-2026";
    static String agencyToken;
    static Client client;

    @BeforeAll
    static void users() {
        NODE_A.addUser("admin", Role.ADMIN, null, null);
        for (String clerk : List.of("gone-clerk", "moved-clerk", "plain-clerk")) {
            NODE_A.addUser(clerk, Role.COUNTER, Dossiers.OFFICE, null);
        }
        agencyToken = NODE_A.addTokenUser("stp.hanoi", Role.AGENCY, null, AGENCY);
        client = ClientBuilder.newClient();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aDisabledUserIsRefusedAtOnceOnBothNodesAndLetBackInWhenEnabled() {
        String session = webSignIn(NODE_B, "gone-clerk", TestApp.PASSWORD);
        assertThat(basic(NODE_A, "gone-clerk", TestApp.PASSWORD)).isEqualTo(200);
        assertThat(basic(NODE_B, "gone-clerk", TestApp.PASSWORD)).isEqualTo(200);
        assertThat(page(NODE_A, session)).isEqualTo(200);

        Response disabled = admin(NODE_A, "/api/users/gone-clerk/disabled").put(json("{\"disabled\": true}"));
        Map<String, Object> view = TestApp.json(disabled);
        assertThat(disabled.getStatus()).isEqualTo(200);
        assertThat(view).containsEntry("active", false).containsEntry("credentialsChangedBy", "admin");

        assertThat(basic(NODE_A, "gone-clerk", TestApp.PASSWORD)).isEqualTo(401);
        assertThat(basic(NODE_B, "gone-clerk", TestApp.PASSWORD)).isEqualTo(401);
        assertThat(page(NODE_B, session)).isEqualTo(303); // back to /login
        assertThat(sessionsOf("gone-clerk")).isZero();

        assertThat(TestApp.status(
                        admin(NODE_B, "/api/users/gone-clerk/disabled").put(json("{\"disabled\": false}"))))
                .isEqualTo(200);
        assertThat(basic(NODE_A, "gone-clerk", TestApp.PASSWORD)).isEqualTo(200);
        assertThat(basic(NODE_B, "gone-clerk", TestApp.PASSWORD)).isEqualTo(200);
    }

    @Test
    void aNewPasswordRefusesTheOldOneAtOnceAndEndsTheWebSessions() {
        String session = webSignIn(NODE_A, "moved-clerk", TestApp.PASSWORD);
        assertThat(basic(NODE_A, "moved-clerk", TestApp.PASSWORD)).isEqualTo(200);
        assertThat(basic(NODE_B, "moved-clerk", TestApp.PASSWORD)).isEqualTo(200);

        Response changed =
                admin(NODE_B, "/api/users/moved-clerk/password").put(json("{\"password\": \"" + NEW_PASSWORD + "\"}"));
        String body = changed.readEntity(String.class);
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(body).doesNotContain(NEW_PASSWORD).doesNotContain("$2a$");

        assertThat(basic(NODE_A, "moved-clerk", TestApp.PASSWORD)).isEqualTo(401);
        assertThat(basic(NODE_B, "moved-clerk", TestApp.PASSWORD)).isEqualTo(401);
        assertThat(basic(NODE_A, "moved-clerk", NEW_PASSWORD)).isEqualTo(200);
        assertThat(basic(NODE_B, "moved-clerk", NEW_PASSWORD)).isEqualTo(200);
        assertThat(page(NODE_A, session)).isEqualTo(303);
        assertThat(webSignIn(NODE_B, "moved-clerk", NEW_PASSWORD)).isNotEmpty();
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceOnTheOtherNode() {
        assertThat(bearer(NODE_A, agencyToken)).isEqualTo(200);
        assertThat(bearer(NODE_B, agencyToken)).isEqualTo(200);

        Response revoked = admin(NODE_A, "/api/users/stp.hanoi/token").delete();
        assertThat(revoked.getStatus()).isEqualTo(200);
        assertThat(TestApp.json(revoked)).containsEntry("hasToken", false);

        assertThat(bearer(NODE_B, agencyToken)).isEqualTo(401);
        assertThat(bearer(NODE_A, agencyToken)).isEqualTo(401);
    }

    @Test
    void onlyAnAdministratorManagesUsers() {
        String clerk = "plain-clerk";
        assertThat(TestApp.status(
                        as(NODE_A, clerk, TestApp.PASSWORD, "/api/users").get()))
                .isEqualTo(403);
        assertThat(TestApp.status(as(NODE_A, clerk, TestApp.PASSWORD, "/api/users/admin/disabled")
                        .put(json("{\"disabled\": true}"))))
                .isEqualTo(403);
        assertThat(TestApp.status(as(NODE_A, clerk, TestApp.PASSWORD, "/api/users/admin/password")
                        .put(json("{\"password\": \"" + NEW_PASSWORD + "\"}"))))
                .isEqualTo(403);
        assertThat(TestApp.status(as(NODE_A, clerk, TestApp.PASSWORD, "/api/users/stp.hanoi/token")
                        .delete()))
                .isEqualTo(403);
        assertThat(TestApp.status(
                        client.target(NODE_A.url("/api/users")).request().get()))
                .isEqualTo(401);
        assertThat(basic(NODE_A, "admin", TestApp.PASSWORD)).isEqualTo(200); // nothing changed
    }

    @Test
    void theListShowsWhetherThereIsAPasswordOrTokenNeverTheirHashes() {
        Response res = admin(NODE_A, "/api/users").get();
        String body = res.readEntity(String.class);
        assertThat(res.getStatus()).isEqualTo(200);
        assertThat(body)
                .contains("\"username\":\"plain-clerk\"", "\"hasPassword\":true", "\"role\":\"COUNTER\"")
                .doesNotContain("$2a$", "Hash", "hash");
    }

    @Test
    void badInputIsA422NamingTheFieldAndChangesNothing() {
        long before = version("plain-clerk");
        assertField(
                admin(NODE_A, "/api/users/plain-clerk/password").put(json("{\"password\": \"short\"}")), "password");
        String tooLong = "ệ".repeat(25); // 25 characters, 75 bytes in UTF-8
        assertField(
                admin(NODE_A, "/api/users/plain-clerk/password").put(json("{\"password\": \"" + tooLong + "\"}")),
                "password");
        assertField(admin(NODE_A, "/api/users/plain-clerk/password").put(json("{}")), "password");
        assertField(admin(NODE_A, "/api/users/plain-clerk/disabled").put(json("{}")), "disabled");
        assertField(
                admin(NODE_A, "/api/users/plain-clerk/disabled").put(json("{\"disabled\": \"maybe\"}")), "disabled");
        assertField(admin(NODE_A, "/api/users/admin/disabled").put(json("{\"disabled\": true}")), "disabled");
        assertThat(TestApp.status(admin(NODE_A, "/api/users/khong-co-ai/password")
                        .put(json("{\"password\": \"" + NEW_PASSWORD + "\"}"))))
                .isEqualTo(404);
        assertThat(TestApp.status(admin(NODE_A, "/api/users/khong-co-ai/token").delete()))
                .isEqualTo(404);
        // Jetty itself refuses a NUL in the path (400); past it, the service would answer 404
        assertThat(TestApp.status(
                        admin(NODE_A, "/api/users/plain%00clerk/token").delete()))
                .isIn(400, 404);
        assertThat(TestApp.status(admin(NODE_A, "/api/users/" + "x".repeat(2000) + "/disabled")
                        .put(json("{\"disabled\": true}"))))
                .isEqualTo(404);

        assertThat(version("plain-clerk")).isEqualTo(before);
        assertThat(basic(NODE_A, "plain-clerk", TestApp.PASSWORD)).isEqualTo(200);
        assertThat(basic(NODE_A, "admin", TestApp.PASSWORD)).isEqualTo(200);
    }

    private static void assertField(Response res, String field) {
        Map<String, Object> body = TestApp.json(res);
        assertThat(res.getStatus()).isEqualTo(422);
        assertThat(body).containsEntry("field", field);
        assertThat((String) body.get("message")).startsWith(field + ": ");
    }

    private static long version(String username) {
        return NODE_A.jdbi()
                .withHandle(h -> h.createQuery("SELECT credentials_version FROM app_user WHERE username = :u")
                        .bind("u", username)
                        .mapTo(Long.class)
                        .one());
    }

    private static long sessionsOf(String username) {
        return NODE_A.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM web_session WHERE username = :u")
                        .bind("u", username)
                        .mapTo(Long.class)
                        .one());
    }

    static Entity<String> json(String body) {
        return Entity.entity(body, MediaType.APPLICATION_JSON_TYPE);
    }

    static jakarta.ws.rs.client.Invocation.Builder as(TestApp node, String username, String password, String path) {
        String credentials =
                Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.target(node.url(path)).request().header("Authorization", "Basic " + credentials);
    }

    static jakarta.ws.rs.client.Invocation.Builder admin(TestApp node, String path) {
        return as(node, "admin", TestApp.PASSWORD, path);
    }

    /** The status of a call any member of staff may make. */
    static int basic(TestApp node, String username, String password) {
        return TestApp.status(as(node, username, password, "/api/agencies").get());
    }

    static int bearer(TestApp node, String token) {
        return TestApp.status(client.target(node.url("/api/agencies"))
                .request()
                .header("Authorization", "Bearer " + token)
                .get());
    }

    /** A staff page with the session cookie: 200, or 303 to the sign-in form when the session has ended. */
    static int page(TestApp node, String session) {
        return TestApp.status(client.target(node.url("/counter"))
                .request("text/html")
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .cookie(Cookies.SESSION, session)
                .get());
    }

    /** Signs in with the form as a browser would; returns the session cookie ("" when refused). */
    static String webSignIn(TestApp node, String username, String password) {
        String csrf;
        try (Response form =
                client.target(node.url("/login")).request("text/html").get()) {
            csrf = form.getCookies().get(Cookies.LOGIN_CSRF).getValue();
        }
        Form fields = new Form("username", username).param("password", password).param("_csrf", csrf);
        try (Response res = client.target(node.url("/login"))
                .request("text/html")
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .cookie(Cookies.LOGIN_CSRF, csrf)
                .post(Entity.form(fields))) {
            return res.getStatus() == 303
                    ? res.getCookies().get(Cookies.SESSION).getValue()
                    : "";
        }
    }
}
