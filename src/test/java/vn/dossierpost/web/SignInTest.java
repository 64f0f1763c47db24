package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/** Sign-in over plain HTTP: CSRF, the throttle, the answers that must not tell usernames apart, {@code next}. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    /**
     * Plain JAX-RS client: the test extension's Apache client retries a 429 after its Retry-After
     * (five minutes here), which would hide the lock.
     */
    private static final Client CLIENT = ClientBuilder.newClient();

    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    @BeforeAll
    static void users() {
        for (String clerk : new String[] {"csrf-clerk", "locked-clerk", "next-clerk", "gone-clerk", "idle-clerk"}) {
            APP.addUser(clerk, Role.COUNTER, Dossiers.OFFICE, null);
        }
        APP.jdbi()
                .useHandle(h ->
                        h.execute("UPDATE app_user SET full_name = 'Trần Thị Bích' WHERE username = 'csrf-clerk'"));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String session = sessionOf(signIn("csrf-clerk", TestApp.PASSWORD, null));

        assertThat(TestApp.status(request("/logout", session).post(Entity.form(new Form()))))
                .isEqualTo(403);
        assertThat(TestApp.status(request("/logout", session).post(Entity.form(new Form("_csrf", "not-the-token")))))
                .isEqualTo(403);
        assertThat(TestApp.status(request("/logout", session)
                        .header("X-CSRF-Token", "not-the-token")
                        .post(Entity.form(new Form()))))
                .isEqualTo(403);

        Answer counter = Answer.of(request("/counter", session).get());
        assertThat(counter.status()).isEqualTo(200);
        assertThat(counter.body()).contains("Xin chào, Trần Thị Bích", "Bưu cục Trung tâm Hà Nội", "Giao dịch viên");
        Matcher csrf = META_CSRF.matcher(counter.body());
        assertThat(csrf.find()).isTrue();

        Answer out = Answer.of(request("/logout", session)
                .header("X-CSRF-Token", csrf.group(1))
                .post(Entity.form(new Form())));
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.location().getPath()).isEqualTo("/login");
        assertThat(out.cookies().get(Cookies.SESSION).getMaxAge()).isZero();
        Answer after = Answer.of(request("/counter", session).get());
        assertThat(after.status()).isEqualTo(303);
        assertThat(after.location().toString()).endsWith("/login?next=%2Fcounter");
    }

    @Test
    void signingInWithoutTheFormTokenIsRefused() {
        Form form = new Form("username", "csrf-clerk").param("password", TestApp.PASSWORD);
        Answer res = Answer.of(request("/login", null).post(Entity.form(form)));

        assertThat(res.status()).isEqualTo(403);
        assertThat(res.cookies()).doesNotContainKey(Cookies.SESSION);
    }

    @Test
    void fiveWrongPasswordsInARowLockTheUsername() {
        for (int i = 1; i <= 4; i++) {
            Answer wrong = signIn("locked-clerk", "sai-" + i, null);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains(SignInPages.REFUSED);
        }
        Answer fifth = signIn("locked-clerk", "sai-5", null);
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(Integer.parseInt(fifth.retryAfter())).isBetween(250, 300);
        assertThat(fifth.body()).contains("Đăng nhập sai quá nhiều lần");

        Answer right = signIn("locked-clerk", TestApp.PASSWORD, null);
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.retryAfter()).isNotNull();
        assertThat(right.cookies()).doesNotContainKey(Cookies.SESSION);
    }

    @Test
    void anUnknownUsernameGetsTheSameAnswerAsAWrongPassword() {
        Answer unknown = signIn("khong-co-ai", TestApp.PASSWORD, null);
        Answer wrong = signIn("next-clerk", "sai", null);

        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(alert(unknown.body())).isEqualTo(alert(wrong.body())).isEqualTo(SignInPages.REFUSED);
    }

    @Test
    void nextIsFollowedOnlyWithinTheSite() {
        Answer evil = signIn("next-clerk", TestApp.PASSWORD, "//evil.example");
        assertThat(evil.status()).isEqualTo(303);
        assertThat(evil.location().getHost()).isEqualTo("localhost");
        assertThat(evil.location().getPath()).isEqualTo("/counter");

        Answer full = signIn("next-clerk", TestApp.PASSWORD, "https://evil.example/counter");
        assertThat(full.location().getHost()).isEqualTo("localhost");

        Answer local = signIn("next-clerk", TestApp.PASSWORD, "/tra-cuu?ma=EH1");
        assertThat(local.location().getHost()).isEqualTo("localhost");
        assertThat(local.location().getPath()).isEqualTo("/tra-cuu");
        assertThat(local.location().getQuery()).isEqualTo("ma=EH1");
    }

    @Test
    void aSessionEndsWhenItsUserIsDeactivatedOrIdle() {
        String gone = sessionOf(signIn("gone-clerk", TestApp.PASSWORD, null));
        String idle = sessionOf(signIn("idle-clerk", TestApp.PASSWORD, null));
        assertThat(TestApp.status(request("/counter", gone).get())).isEqualTo(200);
        assertThat(TestApp.status(request("/counter", idle).get())).isEqualTo(200);

        APP.jdbi().useHandle(h -> {
            h.execute("UPDATE app_user SET active = false WHERE username = 'gone-clerk'");
            h.execute("UPDATE web_session SET last_seen_at = now() - interval '31 minutes' "
                    + "WHERE username = 'idle-clerk'");
        });

        assertThat(TestApp.status(request("/counter", gone).get())).isEqualTo(303);
        assertThat(TestApp.status(request("/counter", idle).get())).isEqualTo(303);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndTheTableKeepsOnlyItsHash() {
        NewCookie cookie =
                signIn("next-clerk", TestApp.PASSWORD, null).cookies().get(Cookies.SESSION);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.LAX);
        assertThat(cookie.getValue()).hasSize(43);
        long stored = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM web_session WHERE token_hash = :t")
                        .bind("t", cookie.getValue())
                        .mapTo(Long.class)
                        .one());
        assertThat(stored).isZero();
    }

    /** A response read whole and closed (the test client's pool is small). */
    record Answer(int status, Map<String, NewCookie> cookies, URI location, String retryAfter, String body) {
        static Answer of(Response res) {
            try (res) {
                String body = res.hasEntity() ? res.readEntity(String.class) : "";
                return new Answer(
                        res.getStatus(), res.getCookies(), res.getLocation(), res.getHeaderString("Retry-After"), body);
            }
        }
    }

    private static String alert(String page) {
        Matcher m = Pattern.compile("id=\"login-error\">([^<]+)<").matcher(page);
        return m.find() ? m.group(1) : null;
    }

    private static Invocation.Builder request(String path, String session) {
        Invocation.Builder builder =
                CLIENT.target(APP.url(path)).request("text/html").property(ClientProperties.FOLLOW_REDIRECTS, false);
        return session == null ? builder : builder.cookie(Cookies.SESSION, session);
    }

    /** Opens the form (for its token), then sends it as a browser would. */
    static Answer signIn(String username, String password, String next) {
        Answer form = Answer.of(request("/login", null).get());
        assertThat(form.status()).isEqualTo(200);
        String token = form.cookies().get(Cookies.LOGIN_CSRF).getValue();
        Form fields = new Form("username", username).param("password", password).param("_csrf", token);
        if (next != null) {
            fields.param("next", next);
        }
        return Answer.of(
                request("/login", null).cookie(Cookies.LOGIN_CSRF, token).post(Entity.form(fields)));
    }

    private static String sessionOf(Answer signedIn) {
        assertThat(signedIn.status()).isEqualTo(303);
        return signedIn.cookies().get(Cookies.SESSION).getValue();
    }
}
