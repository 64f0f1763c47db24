package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.GivenUp;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.ScriptedAgency;
import vn.dossierpost.support.TestApp;

/**
 * A message to the applicant that keeps failing (the SMS gateway and the mail server refuse the
 * connection) past a short {@code retryFor} is given up: the health check "given-up" turns unhealthy,
 * a supervisor sees it with its last error and acknowledges it, and the check is healthy again.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GivenUpTest {
    static final TestApp APP = new TestApp(
            ConfigOverride.config("notifications.enabled", "true"),
            ConfigOverride.config("notifications.retryFor", "1s"),
            // nothing listens there: every attempt fails with a refused connection
            ConfigOverride.config("notifications.smtp.port", "9"),
            ConfigOverride.config("notifications.sms.url", "http://127.0.0.1:9/sms"));
    static final DropwizardAppExtension<?> EXT = APP.extension();
    static final String CLERK = "clerk.givenup";
    static final String SUPERVISOR = "supervisor.givenup";

    static MockWebServer agency;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(SUPERVISOR, Role.SUPERVISOR, null, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        agency = new MockWebServer();
        agency.setDispatcher(new ScriptedAgency());
        agency.start();
        Handovers.http(APP, "admin", Dossiers.AGENCY, agency.url("/mot-cua/api").toString());
    }

    @AfterAll
    static void tearDown() {
        agency.close();
    }

    @Test
    void aMessageGivenUpFailsTheCheckUntilAcknowledged() {
        // reaching the agency is news for the applicant, by e-mail and SMS
        String code = Handovers.digitised(APP, CLERK, 41);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        Handovers.await(() -> !Boolean.TRUE.equals(check().get("healthy")), Duration.ofSeconds(20), () -> "unhealthy");
        assertThat((String) check().get("message")).contains("given up");

        List<Map<String, Object>> items = GivenUp.listed(APP, SUPERVISOR, false);
        assertThat(items).isNotEmpty();
        Map<String, Object> item = items.get(0);
        assertThat(item.get("kind")).isEqualTo("NOTIFICATION");
        assertThat((String) item.get("lastError")).isNotBlank();

        // the e-mail and the SMS are given up each in its own time: acknowledge whatever is listed
        Handovers.await(
                () -> {
                    GivenUp.listed(APP, SUPERVISOR, false).forEach(i -> GivenUp.acknowledge(APP, SUPERVISOR, i));
                    return Boolean.TRUE.equals(check().get("healthy"));
                },
                Duration.ofSeconds(20),
                () -> "healthy " + check());
        assertThat(GivenUp.listed(APP, SUPERVISOR, false)).isEmpty();
        try (Response wrong =
                APP.as(SUPERVISOR, "/api/given-up/PARCEL/1/acknowledged").post(Entity.json("{}"))) {
            assertThat(wrong.getStatus()).isEqualTo(422);
        }
    }

    private static Map<?, ?> check() {
        return APP.healthCheck("given-up");
    }
}
