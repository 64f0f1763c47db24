package vn.dossierpost.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostApplication;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;
import vn.dossierpost.web.Cookies;

/**
 * The {@code user} command, run in-process against the running test service's database: what it
 * changes holds on the service's next request, although the service remembered the old credentials.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class UserCommandTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String FIRST = "mat-khau-dau-tien";
    static final String SECOND = "mat-khau-thu-hai";
    static Client client;

    @BeforeAll
    static void open() {
        client = ClientBuilder.newClient();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void disableEnableAndANewPasswordHoldOnTheNextRequest() throws Exception {
        String added = user(
                Map.of(
                        "action",
                        "add",
                        "username",
                        "thu.nguyen",
                        "role",
                        "COUNTER",
                        "office",
                        Dossiers.OFFICE,
                        "token",
                        false),
                FIRST);
        assertThat(added).contains("added COUNTER thu.nguyen at office " + Dossiers.OFFICE);
        assertThat(basic("thu.nguyen", FIRST)).isEqualTo(200);

        assertThat(user(Map.of("action", "disable", "username", "thu.nguyen"), null))
                .contains("disabled COUNTER thu.nguyen");
        assertThat(basic("thu.nguyen", FIRST)).isEqualTo(401);
        assertThat(user(Map.of("action", "enable", "username", "thu.nguyen"), null))
                .contains("enabled COUNTER thu.nguyen");
        assertThat(basic("thu.nguyen", FIRST)).isEqualTo(200);

        assertThat(user(Map.of("action", "password", "username", "thu.nguyen"), SECOND))
                .contains("new password for COUNTER thu.nguyen");
        assertThat(basic("thu.nguyen", FIRST)).isEqualTo(401);
        assertThat(basic("thu.nguyen", SECOND)).isEqualTo(200);
        assertThat(changedBy("thu.nguyen")).isEqualTo("command");
    }

    @Test
    void aRevokedOrReplacedTokenIsRefusedOnTheNextRequest() throws Exception {
        String added = user(
                Map.of(
                        "action",
                        "add",
                        "username",
                        "stp.test",
                        "role",
                        "AGENCY",
                        "agency",
                        "000.00.15.H26",
                        "token",
                        true),
                null);
        String first = added.substring(added.indexOf("token: ") + 7).strip();
        assertThat(bearer(first)).isEqualTo(200);

        String second =
                user(Map.of("action", "token", "username", "stp.test"), null).strip();
        assertThat(bearer(first)).isEqualTo(401);
        assertThat(bearer(second)).isEqualTo(200);

        assertThat(user(Map.of("action", "revoke-token", "username", "stp.test"), null))
                .contains("token revoked for AGENCY stp.test");
        assertThat(bearer(second)).isEqualTo(401);
    }

    /** An agency without a system of its own: its officer, added with a password, signs in to the agency desk. */
    @Test
    void anAgencyOfficerAddedWithAPasswordSignsInToTheDesk() throws Exception {
        assertThat(user(
                        Map.of(
                                "action",
                                "add",
                                "username",
                                "canbo.stp",
                                "role",
                                "AGENCY",
                                "agency",
                                Dossiers.AGENCY,
                                "token",
                                false),
                        FIRST))
                .contains("added AGENCY canbo.stp for agency " + Dossiers.AGENCY);
        String loginToken;
        try (Response form = client.target(APP.url("/login")).request().get()) {
            loginToken = form.getCookies().get(Cookies.LOGIN_CSRF).getValue();
        }
        try (Response signedIn = client.target(APP.url("/login"))
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .request()
                .cookie(Cookies.LOGIN_CSRF, loginToken)
                .post(Entity.form(new Form()
                        .param("username", "canbo.stp")
                        .param("password", FIRST)
                        .param("_csrf", loginToken)))) {
            assertThat(signedIn.getStatus()).isEqualTo(303);
            assertThat(signedIn.getLocation().getPath()).isEqualTo("/agency");
        }
    }

    @Test
    void refusalsSayWhatIsWrongAndChangeNothing() {
        APP.addUser("kiem.tra", vn.dossierpost.domain.Role.COUNTER, Dossiers.OFFICE, null);
        assertThatThrownBy(() -> user(Map.of("action", "disable", "username", "khong.co"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no user khong.co");
        assertThatThrownBy(() -> user(Map.of("action", "password", "username", "kiem.tra"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOSSIERPOST_PASSWORD: a password is required");
        assertThatThrownBy(() -> user(Map.of("action", "password", "username", "kiem.tra"), "ngan"))
                .hasMessageContaining("DOSSIERPOST_PASSWORD: at least 10 characters");
        assertThatThrownBy(() -> user(Map.of("action", "password", "username", "kiem.tra"), "đ".repeat(37)))
                .hasMessageContaining("DOSSIERPOST_PASSWORD: at most 72 bytes");
        assertThat(basic("kiem.tra", TestApp.PASSWORD)).isEqualTo(200);
    }

    /** Runs {@code user} with these arguments and DOSSIERPOST_PASSWORD (when not null); returns what it printed. */
    static String user(Map<String, Object> arguments, String password) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> environment = new HashMap<>();
        if (password != null) {
            environment.put(UserCommand.PASSWORD_ENV, password);
        }
        UserCommand command = new UserCommand(new PrintStream(out, true, StandardCharsets.UTF_8), environment);
        command.run(new Bootstrap<>(new DossierpostApplication()), new Namespace(arguments), EXT.getConfiguration());
        return out.toString(StandardCharsets.UTF_8);
    }

    static int basic(String username, String password) {
        String credentials =
                Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return TestApp.status(client.target(APP.url("/api/agencies"))
                .request()
                .header("Authorization", "Basic " + credentials)
                .get());
    }

    static int bearer(String token) {
        return TestApp.status(client.target(APP.url("/api/agencies"))
                .request()
                .header("Authorization", "Bearer " + token)
                .get());
    }

    static String changedBy(String username) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT credentials_changed_by FROM app_user WHERE username = :u")
                        .bind("u", username)
                        .mapTo(String.class)
                        .one());
    }
}
