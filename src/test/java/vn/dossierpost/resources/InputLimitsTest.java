package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/** The shape rule (unknown fields, wrong types) and the limits on what a request may carry. */
@ExtendWith(DropwizardExtensionsSupport.class)
class InputLimitsTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String CLERK = "clerk.limits";
    static String agencyToken;

    @BeforeAll
    static void users() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        agencyToken = APP.addTokenUser("stp.limits", Role.AGENCY, null, Dossiers.AGENCY);
    }

    private static long dossiers() {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier")
                        .mapTo(Long.class)
                        .one());
    }

    private static Map<String, Object> refused(Map<String, Object> body, int status) {
        long before = dossiers();
        Response res = APP.post(CLERK, "/api/dossiers", body);
        assertThat(res.getStatus()).isEqualTo(status);
        assertThat(dossiers()).isEqualTo(before);
        return json(res);
    }

    @Test
    void aMisspeltOrUnknownFieldIsNamedNotDropped() {
        Map<String, Object> body = Dossiers.judicialRecord();
        Dossiers.applicant(body).remove("email");
        Dossiers.applicant(body).put("emial", "nhung@example.vn");
        Map<String, Object> answer = refused(body, 422);
        assertThat(answer).containsEntry("field", "applicant.emial");
        assertThat((String) answer.get("message"))
                .contains("not a field of this request")
                .contains("email");

        Map<String, Object> filer = Dossiers.judicialRecord();
        filer.put("filer", "Nguyễn Văn A");
        assertThat(refused(filer, 422)).containsEntry("field", "filer");
    }

    @Test
    void aNumberOrTrueWhereATextIsExpectedIsRefused() {
        Map<String, Object> body = Dossiers.judicialRecord();
        Dossiers.applicant(body).put("fullName", 5);
        Map<String, Object> answer = refused(body, 422);
        assertThat(answer).containsEntry("field", "applicant.fullName");
        assertThat((String) answer.get("message")).contains("expected a text");

        Map<String, Object> flag = Dossiers.judicialRecord();
        Dossiers.address(flag).put("street", true);
        assertThat(refused(flag, 422)).containsEntry("field", "applicant.address.street");
    }

    @Test
    void theCaseOfAWordFromAFixedSetIsForgiven() {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("serviceForm", "send_and_return");
        assertThat(TestApp.status(APP.post(CLERK, "/api/dossiers", body))).isEqualTo(201);
    }

    @Test
    void anAgencysEventMayCarryFieldsWeDoNotKnowYet() {
        Response res = EXT.client()
                .target(APP.url("/api/agency/events"))
                .request()
                .header("Authorization", "Bearer " + agencyToken)
                .post(Entity.json(Map.of(
                        "eventId", "STP-FWD-1",
                        "dossierCode", "000.00.15.H26-261201-9999",
                        "type", "IN_PROCESSING",
                        "processingOfficer", "Phòng Lý lịch tư pháp")));
        // not 422 for the field: the event is read, and the dossier is not one handed to this agency
        assertThat(res.getStatus()).isEqualTo(404);
    }

    @Test
    void aJsonBodyOverTheLimitIs413AndNothingIsStored() {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("agencyReference", "x".repeat(5_000_000));
        Map<String, Object> answer = refused(body, 413);
        assertThat((String) answer.get("message")).contains("too large");
    }

    @Test
    void aMegabyteOfEmailOrNameIsRefusedAtOnceByItsLength() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Map<String, Object> email = Dossiers.judicialRecord();
            // what made the old pattern backtrack: no dot after the @, a million characters long
            Dossiers.applicant(email).put("email", "a@" + "b".repeat(1_000_000));
            Map<String, Object> answer = refused(email, 422);
            assertThat(answer).containsEntry("field", "applicant.email");
            assertThat(answer.toString()).hasSizeLessThan(5_000);

            Map<String, Object> name = Dossiers.judicialRecord();
            char[] spaces = new char[1_000_000];
            Arrays.fill(spaces, ' ');
            Dossiers.applicant(name).put("fullName", "A" + new String(spaces) + "\u0001");
            Map<String, Object> tooLong = refused(name, 422);
            assertThat(tooLong).containsEntry("field", "applicant.fullName");
            assertThat((String) tooLong.get("message")).contains("at most 300 characters");

            Map<String, Object> commune = Dossiers.judicialRecord();
            Dossiers.address(commune).put("communeCode", " ".repeat(1_000_000) + "x");
            Map<String, Object> wrong = refused(commune, 422);
            assertThat(wrong).containsEntry("field", "applicant.address.communeCode");
            assertThat(wrong.toString()).hasSizeLessThan(5_000);
        });
    }

    @Test
    void theEmailCheckStillTakesAddressesAndRefusesNonAddresses() {
        for (String ok : List.of("duc.tran@example.vn", "  a@b.vn ", "")) {
            Map<String, Object> body = Dossiers.judicialRecord();
            Dossiers.applicant(body).put("email", ok);
            assertThat(TestApp.status(APP.post(CLERK, "/api/dossiers", body)))
                    .as(ok)
                    .isEqualTo(201);
        }
        for (String bad : List.of("duc.tran", "a@b", "a@.vn", "a@b.", "a b@c.vn", "a@b@c.vn", "@b.vn")) {
            Map<String, Object> body = Dossiers.judicialRecord();
            Dossiers.applicant(body).put("email", bad);
            assertThat(refused(body, 422)).as(bad).containsEntry("field", "applicant.email");
        }
    }

    @Test
    void theAdminPortListensOnLoopbackOnly() {
        List<String> hosts = Arrays.stream(
                        EXT.getEnvironment().getApplicationContext().getServer().getConnectors())
                .filter(c -> "admin".equals(c.getName()))
                .map(c -> ((ServerConnector) c).getHost())
                .toList();
        assertThat(hosts).containsExactly("127.0.0.1");
        assertThat(TestApp.status(EXT.client()
                        .target("http://127.0.0.1:" + EXT.getAdminPort() + "/healthcheck")
                        .request(MediaType.APPLICATION_JSON)
                        .get()))
                .isIn(200, 500);
    }

    @Test
    void theDefaultConfigurationKeepsTheAdminPortOnLoopback() {
        var server = (io.dropwizard.core.server.DefaultServerFactory) new DossierpostConfiguration().getServerFactory();
        assertThat(server.getAdminConnectors())
                .singleElement()
                .extracting(c -> ((io.dropwizard.jetty.HttpConnectorFactory) c).getBindHost())
                .isEqualTo("127.0.0.1");
    }
}
