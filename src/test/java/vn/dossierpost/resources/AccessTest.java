package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/** Who may do what in the JSON API: credentials everywhere but tracking, offices kept apart, roles enforced. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static String code;
    static String agencyToken;

    @BeforeAll
    static void setUp() {
        APP.addUser("clerk.hn", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("clerk.hcm", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        APP.addUser("courier.hn", Role.COURIER, Dossiers.OFFICE, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        agencyToken = APP.addTokenUser("agency.stp.hn", Role.AGENCY, null, Dossiers.AGENCY);
        Response res = APP.post("clerk.hn", "/api/dossiers", Dossiers.judicialRecord());
        assertThat(res.getStatus()).isEqualTo(201);
        code = (String) json(res).get("code");
    }

    /** Every endpoint of the running application, as Dropwizard lists them at start-up. */
    @Test
    void everyApiEndpointButTrackingAnswers401WithoutCredentials() {
        List<String> checked = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s+(GET|POST|PUT|DELETE|PATCH)\\s+(\\S+)")
                .matcher(EXT.getEnvironment().jersey().getResourceConfig().getEndpointsInfo());
        while (m.find()) {
            String method = m.group(1);
            String path = m.group(2).replaceAll("\\{year}", "2026").replaceAll("\\{[^}]+}", "x");
            if (!path.startsWith("/api")) {
                continue; // web pages: public, or sent to /login (SignInTest, SignInBrowserTest)
            }
            Response res = EXT.client()
                    .target(APP.url(path))
                    .request()
                    .method(
                            method,
                            method.equals("GET") || method.equals("DELETE")
                                    ? null
                                    : Entity.entity("{}", MediaType.APPLICATION_JSON_TYPE));
            int expected = path.startsWith("/api/track") ? 404 : 401;
            assertThat(TestApp.status(res)).as(method + " " + path).isEqualTo(expected);
            checked.add(method + " " + path);
        }
        assertThat(checked)
                .contains(
                        "POST /api/dossiers",
                        "GET /api/dossiers/x",
                        "GET /api/dossiers/x/slip.pdf",
                        "GET /api/procedures",
                        "PUT /api/calendar/2026",
                        "GET /api/users",
                        "DELETE /api/users/x/token",
                        "GET /api/track/x");
    }

    @Test
    void wrongPasswordIs401() {
        Response res = EXT.client()
                .target(APP.url("/api/dossiers/" + code))
                .request()
                .header(
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("clerk.hn:wrong-password".getBytes()))
                .get();
        assertThat(TestApp.status(res)).isEqualTo(401);
    }

    @Test
    void aClerkCannotReadAnotherOfficesDossier() {
        assertThat(TestApp.status(APP.as("clerk.hn", "/api/dossiers/" + code).get()))
                .isEqualTo(200);
        for (String path : List.of("", "/events", "/slip.pdf")) {
            Response res = APP.as("clerk.hcm", "/api/dossiers/" + code + path).get();
            assertThat(TestApp.status(res)).as(path).isEqualTo(403);
        }
        assertThat(TestApp.status(APP.post("clerk.hcm", "/api/dossiers/" + code + "/withdraw", Map.of("reason", "x"))))
                .isEqualTo(403);
        Map<String, Object> page = json(
                APP.as("clerk.hcm", "/api/dossiers?office=" + Dossiers.OFFICE).get());
        assertThat((List<?>) page.get("items")).isEmpty();
        assertThat(TestApp.status(APP.as("supervisor", "/api/dossiers/" + code).get()))
                .isEqualTo(200);
    }

    @Test
    void rolesAreEnforced() {
        assertThat(TestApp.status(APP.post("courier.hn", "/api/dossiers", Dossiers.judicialRecord())))
                .isEqualTo(403);
        assertThat(TestApp.status(APP.post("supervisor", "/api/dossiers", Dossiers.judicialRecord())))
                .isEqualTo(403);
        assertThat(TestApp.status(APP.as("clerk.hn", "/api/calendar/2026").put(Entity.json(Map.of("days", List.of())))))
                .isEqualTo(403);
    }

    @Test
    void agencyTokenAuthenticatesAndSeesOnlyHandedOverDossiers() {
        Response procedures = EXT.client()
                .target(APP.url("/api/procedures"))
                .request()
                .header("Authorization", "Bearer " + agencyToken)
                .get();
        assertThat(TestApp.status(procedures)).isEqualTo(200);
        // not yet handed over: the agency may not see it
        Response dossier = EXT.client()
                .target(APP.url("/api/dossiers/" + code))
                .request()
                .header("Authorization", "Bearer " + agencyToken)
                .get();
        assertThat(TestApp.status(dossier)).isEqualTo(403);
        Response bad = EXT.client()
                .target(APP.url("/api/procedures"))
                .request()
                .header("Authorization", "Bearer dp_not-a-token")
                .get();
        assertThat(TestApp.status(bad)).isEqualTo(401);
    }
}
