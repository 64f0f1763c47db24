package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.ScriptedAgency;
import vn.dossierpost.support.TestApp;

/**
 * Notifications switched off (the default, as on a fresh machine): the messages are still written
 * with the state change, and wait as PENDING without a send being tried.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NotificationsOffTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.extension();
    static MockWebServer agency;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser("clerk.hn", Role.COUNTER, Dossiers.OFFICE, null);
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
    void messagesAreWrittenAndWait() throws Exception {
        String code = Handovers.digitised(APP, "clerk.hn", 1);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        Thread.sleep(500); // five poll intervals of test-config.yml, had the route been running
        try (Response res =
                APP.as("admin", "/api/dossiers/" + code + "/notifications").get()) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = res.readEntity(List.class);
            assertThat(list)
                    .extracting(n -> n.get("kind") + " " + n.get("channel"))
                    .containsExactlyInAnyOrder(
                            "RECEIVED SMS", "RECEIVED EMAIL", "DELIVERED_TO_AGENCY SMS", "DELIVERED_TO_AGENCY EMAIL");
            assertThat(list).allSatisfy(n -> {
                assertThat(n.get("state")).isEqualTo("PENDING");
                assertThat(n.get("attempts")).isEqualTo(0);
                assertThat(n.get("nextAttemptAt")).isNotNull();
            });
        }
    }
}
