package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Counter;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.app.ApiSetup;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;
import vn.dossierpost.web.Cookies;

/**
 * Wrong passwords over HTTP Basic and the sign-in form, limited per username and per client address
 * (429 with Retry-After), and the bcrypt every attempt costs, known username or not. The service
 * sits "behind a proxy" here (useForwardedHeaders), so each test is its own client address.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInLimitTest {
    static final int PER_USERNAME = 3;
    static final int PER_CLIENT = 6;
    static final TestApp APP = new TestApp(
            ConfigOverride.config("server.applicationConnectors[0].useForwardedHeaders", "true"),
            ConfigOverride.config("auth.maxFailedSignIns", String.valueOf(PER_USERNAME)),
            ConfigOverride.config("auth.maxFailedSignInsPerClient", String.valueOf(PER_CLIENT)));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    /** Plain JAX-RS client: the extension's own retries a 429 after its Retry-After. */
    static Client client;

    @BeforeAll
    static void users() {
        for (String clerk :
                new String[] {"lan", "hoa", "minh", "tuan", "web-clerk", "long-clerk", "long-web", "timed-clerk"}) {
            APP.addUser(clerk, Role.COUNTER, Dossiers.OFFICE, null);
        }
        APP.addTokenUser("machine", Role.AGENCY, null, "000.00.15.H26");
        client = ClientBuilder.newClient();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void wrongPasswordsForOneUsernameLockItFromEveryAddress() {
        for (int i = 1; i < PER_USERNAME; i++) {
            assertThat(basic("lan", "sai-" + i, "198.51.100." + i).status()).isEqualTo(401);
        }
        Answer last = basic("lan", "sai-" + PER_USERNAME, "198.51.100.9");
        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.retryAfter())).isBetween(250L, 300L);
        assertThat(last.body()).contains("\"code\":429", "try again in");

        // the right password from yet another address waits too: no guess is checked while locked
        Answer right = basic("lan", TestApp.PASSWORD, "198.51.100.77");
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.retryAfter()).isNotNull();
        // another user is not concerned
        assertThat(basic("hoa", TestApp.PASSWORD, "198.51.100.9").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsFromOneAddressLockItWhateverTheUsernames() {
        String from = "203.0.113.7";
        for (int i = 1; i < PER_CLIENT; i++) {
            assertThat(basic("ai-" + i, "sai", from).status()).isEqualTo(401);
        }
        assertThat(basic("ai-" + PER_CLIENT, "sai", from).status()).isEqualTo(429);

        Answer right = basic("minh", TestApp.PASSWORD, from);
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.retryAfter()).isNotNull();
        // the sign-in form follows the same rule for the same address
        assertThat(webSignIn("web-clerk", TestApp.PASSWORD, from).status()).isEqualTo(429);
        // from elsewhere the same users get in
        assertThat(basic("minh", TestApp.PASSWORD, "203.0.113.8").status()).isEqualTo(200);
        assertThat(webSignIn("web-clerk", TestApp.PASSWORD, "203.0.113.8").status())
                .isEqualTo(303);
    }

    @Test
    void theSignInFormCountsWrongPasswordsPerAddressToo() {
        String from = "192.0.2.44";
        for (int i = 1; i < PER_CLIENT; i++) {
            assertThat(webSignIn("khach-" + i, "sai", from).status()).isEqualTo(401);
        }
        Answer locked = webSignIn("khach-x", "sai", from);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.retryAfter()).isNotNull();
        assertThat(basic("tuan", TestApp.PASSWORD, from).status()).isEqualTo(429);
    }

    @Test
    void aPasswordOverSeventyTwoBytesIsA401NeverA500() {
        String from = "192.0.2.90";
        assertThat(basic("long-clerk", "x".repeat(73), from).status()).isEqualTo(401);
        assertThat(basic("long-clerk", "mật khẩu rất dài ".repeat(20), from).status())
                .isEqualTo(401);
        assertThat(basic("khong-co-ai", "y".repeat(5000), from).status()).isEqualTo(401);
        assertThat(webSignIn("long-web", "z".repeat(200), from).status()).isEqualTo(401);
        assertThat(basic("long-clerk", TestApp.PASSWORD, from).status()).isEqualTo(200);
    }

    @Test
    void aUsernameNoOneCouldHaveIsA401NeverA500() {
        String from = "192.0.2.150";
        assertThat(basic("lan\u0000", TestApp.PASSWORD, from).status()).isEqualTo(401);
        assertThat(basic("x".repeat(5000), TestApp.PASSWORD, from).status()).isEqualTo(401);
        assertThat(basic("", TestApp.PASSWORD, from).status()).isEqualTo(401);
        assertThat(webSignIn("hoa\u0000", TestApp.PASSWORD, from).status()).isEqualTo(401);
    }

    /** Counted, not timed: an unknown username costs a bcrypt as a known one does. */
    @Test
    void everyAttemptCostsOneBcryptKnownUsernameOrNot() {
        String from = "192.0.2.120";
        assertThat(bcryptsFor(() -> basic("timed-clerk", "sai", from))).isEqualTo(1);
        assertThat(bcryptsFor(() -> basic("khong-ton-tai", "sai", from))).isEqualTo(1);
        assertThat(bcryptsFor(() -> basic("machine", "sai", from))).isEqualTo(1); // a token-only user
        assertThat(bcryptsFor(() -> webSignIn("khong-ton-tai", "sai", from))).isEqualTo(1);
        // the right password: one bcrypt, then remembered on this node (until the credentials change)
        assertThat(bcryptsFor(() -> basic("timed-clerk", TestApp.PASSWORD, from)))
                .isEqualTo(1);
        assertThat(bcryptsFor(() -> basic("timed-clerk", TestApp.PASSWORD, from)))
                .isZero();
        APP.jdbi()
                .useHandle(h -> h.execute("UPDATE app_user SET active = false, "
                        + "credentials_version = credentials_version + 1 WHERE username = 'timed-clerk'"));
        assertThat(bcryptsFor(() -> {
                    assertThat(basic("timed-clerk", TestApp.PASSWORD, from).status())
                            .isEqualTo(401);
                    return null;
                }))
                .isEqualTo(1);
    }

    private static long bcryptsFor(java.util.function.Supplier<?> attempt) {
        Counter checks = EXT.getEnvironment().metrics().counter(ApiSetup.BCRYPT_CHECKS);
        long before = checks.getCount();
        attempt.get();
        return checks.getCount() - before;
    }

    record Answer(int status, String retryAfter, String body, Map<String, jakarta.ws.rs.core.NewCookie> cookies) {
        static Answer of(Response res) {
            try (res) {
                return new Answer(
                        res.getStatus(),
                        res.getHeaderString("Retry-After"),
                        res.hasEntity() ? res.readEntity(String.class) : "",
                        res.getCookies());
            }
        }
    }

    static Answer basic(String username, String password, String from) {
        String credentials =
                Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Answer.of(client.target(APP.url("/api/agencies"))
                .request()
                .header("Authorization", "Basic " + credentials)
                .header("X-Forwarded-For", from)
                .get());
    }

    static Answer webSignIn(String username, String password, String from) {
        Answer form = Answer.of(client.target(APP.url("/login"))
                .request("text/html")
                .header("X-Forwarded-For", from)
                .get());
        String csrf = form.cookies().get(Cookies.LOGIN_CSRF).getValue();
        Form fields = new Form("username", username).param("password", password).param("_csrf", csrf);
        return Answer.of(client.target(APP.url("/login"))
                .request("text/html")
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .header("X-Forwarded-For", from)
                .cookie(Cookies.LOGIN_CSRF, csrf)
                .post(Entity.form(fields)));
    }
}
