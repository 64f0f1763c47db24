package vn.dossierpost.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.DossierpostApplication;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.auth.Passwords;
import vn.dossierpost.domain.Role;
import vn.dossierpost.web.Cookies;

/** The real service on a fresh database, plus helpers to add users and call it over HTTP. */
public final class TestApp {
    public static final String PASSWORD = "mat-khau-8";

    private final String jdbcUrl;
    private final DropwizardAppExtension<DossierpostConfiguration> app;

    public TestApp(ConfigOverride... overrides) {
        this(TestDatabase.newDatabase(), overrides);
    }

    /** A second service instance on the same database as {@code other} (as two nodes behind a load balancer). */
    public static TestApp sharingDatabaseWith(TestApp other, ConfigOverride... overrides) {
        return new TestApp(other.jdbcUrl, overrides);
    }

    /** The service on a database of the test's own making (a primary with its replica, say). */
    public static TestApp onDatabase(String jdbcUrl, ConfigOverride... overrides) {
        return new TestApp(jdbcUrl, overrides);
    }

    private TestApp(String jdbcUrl, ConfigOverride... overrides) {
        this.jdbcUrl = jdbcUrl;
        List<ConfigOverride> all = new ArrayList<>(Arrays.asList(overrides));
        all.add(ConfigOverride.config("database.url", jdbcUrl));
        this.app =
                new DropwizardAppExtension<>(
                        DossierpostApplication.class,
                        ResourceHelpers.resourceFilePath("test-config.yml"),
                        all.toArray(ConfigOverride[]::new)) {
                    /**
                     * The extension's client gives up reading after 5 s; the first requests to a cold service
                     * on two busy cores (the whole suite, a browser) may take longer without anything wrong.
                     * Its HTTP client would also send a request answered 503 with Retry-After again after
                     * that wait (a minute), hiding the first answer from the test: only a request that
                     * failed on the way is sent again.
                     */
                    @Override
                    protected JerseyClientBuilder clientBuilder() {
                        return super.clientBuilder()
                                .property(ClientProperties.READ_TIMEOUT, 30_000)
                                .property(
                                        Apache5ClientProperties.RETRY_STRATEGY, new DefaultHttpRequestRetryStrategy() {
                                            @Override
                                            public boolean retryRequest(
                                                    HttpResponse response, int execCount, HttpContext context) {
                                                return false;
                                            }
                                        });
                    }

                    /**
                     * Overrides are system properties ("dw.…") that each app restores to what it found
                     * at its start; apps of one class that stop in the order they started would leave
                     * the first one's values (another data directory, an S3 store) to later classes.
                     */
                    @Override
                    public void after() {
                        try {
                            super.after();
                        } finally {
                            System.getProperties().stringPropertyNames().stream()
                                    .filter(name -> name.startsWith("dw."))
                                    .forEach(System::clearProperty);
                        }
                    }
                };
    }

    public DropwizardAppExtension<DossierpostConfiguration> extension() {
        return app;
    }

    /**
     * A signed-in page session for {@code username}, as the sign-in form would leave it: the cookie
     * value "session-{username}" and the CSRF token "csrf-{username}".
     */
    public void addSession(String username) {
        jdbi().useHandle(h -> h.execute(
                "INSERT INTO web_session (token_hash, username, csrf_token, created_at, last_seen_at) "
                        + "VALUES (?, ?, ?, now(), now())",
                Passwords.tokenHash("session-" + username),
                username,
                "csrf-" + username));
    }

    /** A page as the browser of {@code username}'s session ({@link #addSession}) asks for it; redirects are not followed. */
    public Response page(String username, String path) {
        return pageRequest(username, path).get();
    }

    /** A form posted from {@code username}'s session, with its CSRF token. */
    public Response postForm(String username, String path, Form form) {
        return pageRequest(username, path).post(Entity.form(form.param("_csrf", "csrf-" + username)));
    }

    private Invocation.Builder pageRequest(String username, String path) {
        return app.client()
                .target(url(path))
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .request("text/html")
                .cookie(Cookies.SESSION, "session-" + username);
    }

    /** One health check's result as the admin port's /healthcheck shows it (healthy, message, details). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> healthCheck(String name) {
        try (Response health = app.client()
                .target("http://127.0.0.1:" + app.getAdminPort() + "/healthcheck")
                .request()
                .get()) {
            Map<String, Object> checks = health.readEntity(Map.class);
            assertThat(checks).as("the health checks").containsKey(name);
            return (Map<String, Object>) checks.get(name);
        }
    }

    public Jdbi jdbi() {
        Jdbi jdbi = Jdbi.create(jdbcUrl, "postgres", "");
        jdbi.installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin());
        return jdbi;
    }

    public String url(String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }

    /** Adds a user with the test password (and returns the username). */
    public String addUser(String username, Role role, String office, String agency) {
        jdbi().useHandle(h -> h.execute(
                "INSERT INTO app_user (username, password_hash, role, office_code, agency_code) VALUES (?, ?, ?, ?, ?)",
                username,
                Passwords.hash(PASSWORD, 4),
                role.name(),
                office,
                agency));
        return username;
    }

    /** Adds a machine user with a bearer token and returns the token. */
    public String addTokenUser(String username, Role role, String office, String agency) {
        String token = Passwords.newToken();
        jdbi().useHandle(h -> h.execute(
                "INSERT INTO app_user (username, token_hash, role, office_code, agency_code) VALUES (?, ?, ?, ?, ?)",
                username,
                Passwords.tokenHash(token),
                role.name(),
                office,
                agency));
        return token;
    }

    public static String basic(String username) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    public Invocation.Builder as(String username, String path) {
        return app.client().target(url(path)).request().header("Authorization", basic(username));
    }

    public Response post(String username, String path, Object body) {
        return as(username, path).post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    /** PUTs scans to one document of a dossier. */
    public Response upload(String username, String code, String componentCode, Multipart body) {
        return as(username, "/api/dossiers/" + code + "/components/" + componentCode + "/files")
                .put(body.entity());
    }

    /** A fresh data directory under target/ (for a test class whose scans must not mix with others'). */
    public static java.nio.file.Path newDataDir() {
        try {
            java.nio.file.Path target = java.nio.file.Path.of("target");
            java.nio.file.Files.createDirectories(target);
            return java.nio.file.Files.createTempDirectory(target, "test-data-").toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The status of a response whose body is not needed; closing it returns the connection to the pool. */
    public static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(Response response) {
        return response.readEntity(Map.class);
    }
}
