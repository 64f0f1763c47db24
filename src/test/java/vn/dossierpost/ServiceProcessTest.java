package vn.dossierpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.dossierpost.auth.Passwords;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.ScriptedAgency;
import vn.dossierpost.support.ServicePorts;
import vn.dossierpost.support.ServiceProcess;
import vn.dossierpost.support.ServiceProcesses;
import vn.dossierpost.support.TestDatabase;

/**
 * The service as an operator runs it: child JVMs started with the repository's config.yml, the
 * embedded PostgreSQL under a data directory given by DOSSIERPOST_DATA_DIR (or an external server
 * given by DATABASE_URL), ports given as Dropwizard overrides. Every process started here, and any
 * embedded PostgreSQL they leave behind on the test's data directory, is stopped after each test.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ServiceProcessTest {
    private static final String CONFIG = ServiceProcesses.CONFIG;
    private static final String USERNAME = "lan.nguyen";
    private static final String PASSWORD = "matkhau123";
    private static final Duration COMMAND_WITHIN = Duration.ofSeconds(60);
    private static final Duration STOP_WITHIN = ServiceProcess.STOP_WITHIN;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTAKE_BODY = """
            {"procedureCode":"2.000488","serviceForm":"SEND_AND_RETURN",\
            "applicant":{"fullName":"Trần Văn Đức","citizenId":"001085012345","phone":"0987654321",\
            "email":"duc.tran@example.vn","address":{"street":"Số 5 phố Tràng Tiền","communeCode":"00070"}},\
            "delivery":{"method":"HOME","address":{"street":"Số 5 phố Tràng Tiền","communeCode":"00070"}},\
            "components":[{"code":"TO_KHAI","form":"ORIGINAL","pages":2},{"code":"GIAY_TO_TUY_THAN","form":"COPY","pages":1}]}""";

    @TempDir
    Path tmp;

    private ServiceProcesses processes;
    private final List<Long> postmasters = new ArrayList<>();
    private boolean passed; // set by each test as its last step; otherwise the children's output is printed
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @Test
    void embeddedDefaultSurvivesRestartAndCommandsAttachToTheRunningDatabase() throws Exception {
        Path dataDir = Files.createDirectories(tmp.resolve("data"));
        Map<String, String> env = Map.of("DOSSIERPOST_DATA_DIR", dataDir.toString());

        // a) the command starts the embedded PostgreSQL itself (initdb), migrates, adds the user, stops it
        long t0 = System.nanoTime();
        ServiceProcess add = start(
                "user-add",
                withPassword(env),
                "user",
                "add",
                CONFIG,
                "--username",
                USERNAME,
                "--role",
                "COUNTER",
                "--office",
                "100000");
        add.assertExitsZero(COMMAND_WITHIN);
        System.out.printf(
                "[ServiceProcessTest] `user add` on an empty data directory (initdb, migrations): %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
        assertThat(add.output()).contains("added COUNTER " + USERNAME);
        assertThat(postmasterAlive(dataDir))
                .as("embedded PostgreSQL left running by `user add`")
                .isEmpty();

        // b) the service on the now initialised data directory
        ServicePorts ports = ServicePorts.free();
        ServiceProcess server = start("server-1", env, serverArgs(ports));
        long firstStartMillis = server.awaitHealthy(ports.admin());
        System.out.printf(
                "[ServiceProcessTest] first start (embedded PostgreSQL already initialised by `user add`): healthy after %d ms%n",
                firstStartMillis);
        Optional<Long> postgresPid = postmasterAlive(dataDir);
        assertThat(postgresPid).as("embedded PostgreSQL started by the service").isPresent();
        postmasters.add(postgresPid.get());

        // c) intake over HTTP Basic
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(app(ports, "/api/dossiers")))
                        .header("Authorization", basic(USERNAME, PASSWORD))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(INTAKE_BODY, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(created.statusCode())
                .as("POST /api/dossiers: %s", created.body())
                .isEqualTo(201);
        String code = JSON.readTree(created.body()).path("code").asText();
        assertThat(code).isNotBlank();

        // d) a command while the service runs attaches to its PostgreSQL instead of starting another
        long s0 = System.nanoTime();
        ServiceProcess status = start("db-status", env, "db", "status", CONFIG);
        status.assertExitsZero(COMMAND_WITHIN);
        System.out.printf(
                "[ServiceProcessTest] `db status` beside the running service: %d ms%n",
                (System.nanoTime() - s0) / 1_000_000);
        assertThat(status.output())
                .contains("is up to date")
                .contains("already running on port")
                .doesNotContain("Started the embedded PostgreSQL");
        assertThat(postmasterAlive(dataDir))
                .as("the service's PostgreSQL is still the one running")
                .isEqualTo(postgresPid);

        // e) SIGTERM: the service stops, and with it the PostgreSQL it started. The postmaster
        // removes postmaster.pid before its very last step, so give the process itself a moment.
        server.stopGracefully();
        assertThat(server.output()).contains("Stopping the embedded PostgreSQL");
        assertThat(dataDir.resolve("postgres/postmaster.pid"))
                .as("postmaster.pid after the service stopped")
                .doesNotExist();
        long lag = awaitExit(postgresPid.get(), Duration.ofSeconds(10));
        System.out.printf(
                "[ServiceProcessTest] postmaster %d gone %d ms after the service's JVM%n", postgresPid.get(), lag);

        // f) a restart on the same data directory still has the dossier, Vietnamese intact
        ServicePorts again = ServicePorts.free();
        ServiceProcess restarted = start("server-2", env, serverArgs(again));
        long restartMillis = restarted.awaitHealthy(again.admin());
        postmasterAlive(dataDir).ifPresent(postmasters::add);
        System.out.printf(
                "[ServiceProcessTest] restart on the same data directory: healthy after %d ms%n", restartMillis);
        assertThat(restarted.output())
                .as("the restarted service starts its own PostgreSQL again")
                .contains("Started the embedded PostgreSQL");
        HttpResponse<String> fetched = http.send(
                HttpRequest.newBuilder(URI.create(app(again, "/api/dossiers/" + code)))
                        .header("Authorization", basic(USERNAME, PASSWORD))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(fetched.statusCode())
                .as("GET /api/dossiers/%s: %s", code, fetched.body())
                .isEqualTo(200);
        JsonNode dossier = JSON.readTree(fetched.body());
        assertThat(dossier.path("code").asText()).isEqualTo(code);
        assertThat(dossier.path("applicant").path("fullName").asText()).isEqualTo("Trần Văn Đức");
        assertThat(dossier.path("applicant").path("address").path("street").asText())
                .isEqualTo("Số 5 phố Tràng Tiền");

        // g) kill -9 leaves the PostgreSQL running; the next start attaches to it and, being the
        // service, stops it when it stops: nothing is left holding the data directory
        Optional<Long> orphan = postmasterAlive(dataDir);
        restarted.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(postmasterAlive(dataDir)).as("PostgreSQL after kill -9").isEqualTo(orphan);
        ServicePorts third = ServicePorts.free();
        ServiceProcess attached = start("server-3", env, serverArgs(third));
        attached.awaitHealthy(third.admin());
        assertThat(attached.output()).contains("already running on port");
        attached.stopGracefully();
        assertThat(attached.output()).contains("Stopping the embedded PostgreSQL found running at start-up");
        awaitExit(orphan.orElseThrow(), Duration.ofSeconds(10));
        assertThat(postmasterAlive(dataDir))
                .as("PostgreSQL after the graceful stop")
                .isEmpty();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
        passed = true;
    }

    @Test
    void databaseUrlMigratesTheExternalServerAndStartsNoEmbeddedOne() throws Exception {
        Path dataDir = Files.createDirectories(tmp.resolve("data"));
        int port = TestDatabase.port(); // the test JVM's own PostgreSQL, a different server from the service's
        String database = "extdb_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        assertThat(tableExists(url, "dossier"))
                .as("a new database starts empty")
                .isFalse();

        ServicePorts ports = ServicePorts.free();
        ServiceProcess server = start(
                "server-external",
                Map.of("DOSSIERPOST_DATA_DIR", dataDir.toString(), "DATABASE_URL", url, "DATABASE_USER", "postgres"),
                serverArgs(ports));
        long millis = server.awaitHealthy(ports.admin());
        System.out.printf("[ServiceProcessTest] start on DATABASE_URL: healthy after %d ms%n", millis);

        assertThat(tableExists(url, "dossier"))
                .as("dossier table created by the service's migrations")
                .isTrue();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*), count(*) FILTER (WHERE code = '2.000488') FROM procedure")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("procedures from the catalogue").isGreaterThan(0);
            assertThat(rs.getInt(2)).as("procedure 2.000488 from the catalogue").isEqualTo(1);
        }
        assertThat(dataDir.resolve("postgres"))
                .as("no embedded PostgreSQL with DATABASE_URL set")
                .doesNotExist();
        assertThat(dataDir.resolve("postgres.port")).doesNotExist();
        assertThat(server.output()).doesNotContain("Started the embedded PostgreSQL");
        passed = true;
    }

    /**
     * Nothing lost, nothing sent twice in effect: the service is killed (SIGKILL) while the agency
     * holds the dossier's request and before the answer is recorded; restarted, it takes the handover
     * again once the lease has run out and resends it under the same Idempotency-Key. The agency saw
     * one distinct key; the dossier is delivered once on its timeline. A notice to the agency held the
     * same way is sent again, under its event id, and marked sent once.
     */
    @Test
    void killedBetweenSendingAndRecordingResendsUnderTheSameKeyAfterRestart() throws Exception {
        Path dataDir = Files.createDirectories(tmp.resolve("data"));
        String url = TestDatabase.newDatabase();
        ScriptedAgency agency = new ScriptedAgency();
        // the first requests (the dossier, then a notice) are answered only after the service has been killed
        // (its sockets are gone by then)
        agency.then(new MockResponse.Builder()
                        .code(201)
                        .headersDelay(8, TimeUnit.SECONDS)
                        .body("{}")
                        .build())
                .then(new MockResponse.Builder()
                        .code(201)
                        .headersDelay(8, TimeUnit.SECONDS)
                        .body("{}")
                        .build());
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(agency);
            server.start();
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("UPDATE agency SET base_url = '" + server.url("/") + "', secret = 'bi-mat-16-ky-tu-tro-len', "
                        + "batch_window_ms = 100, revision = revision + 1 WHERE code = '000.00.15.H26'");
                s.execute("INSERT INTO app_user (username, password_hash, role, office_code) VALUES ('" + USERNAME
                        + "', '" + Passwords.hash(PASSWORD, 4) + "', 'COUNTER', '100000')");
            }
            Map<String, String> env = Map.of("DOSSIERPOST_DATA_DIR", dataDir.toString(), "DATABASE_URL", url);
            ServicePorts ports = ServicePorts.free();
            ServiceProcess first = start("server-killed", env, handoverArgs(ports));
            first.awaitHealthy(ports.admin());
            String code = digitisedDossier(ports);

            Handovers.await(
                    () -> !agency.received().isEmpty(), Duration.ofSeconds(20), () -> "the request at the agency");
            // a notice to the agency (result delivered) queued as a delivery would queue it, also held by the agency
            execute(
                    url,
                    "INSERT INTO outbox (kind, dossier_id, agency_code, payload, created_at, available_at) SELECT 'AGENCY_NOTICE', "
                            + "id, agency_code, '{\"eventId\": \"" + code
                            + "/RESULT_DELIVERED\", \"type\": \"RESULT_DELIVERED\"}', now(), now() "
                            + "FROM dossier WHERE code = '" + code + "'");
            Handovers.await(
                    () -> agency.received().size() == 2, Duration.ofSeconds(20), () -> "the notice at the agency");
            first.process()
                    .destroyForcibly()
                    .waitFor(10, TimeUnit.SECONDS); // kill -9 while the agency holds both requests
            assertThat(statusOf(url, code)).as("not recorded as delivered").isEqualTo("IN_TRANSIT_TO_AGENCY");

            ServicePorts again = ServicePorts.free();
            ServiceProcess second = start("server-restarted", env, handoverArgs(again));
            second.awaitHealthy(again.admin());
            Handovers.await(
                    () -> "DELIVERED_TO_AGENCY".equals(statusOf(url, code)),
                    Duration.ofSeconds(30),
                    () -> "delivered after the restart, is " + statusOf(url, code));

            List<String> keys = keysSentTo(agency, "/dossiers");
            assertThat(keys).hasSize(2).allMatch(k -> k.startsWith(code + "/BG"));
            assertThat(java.util.Set.copyOf(keys))
                    .as("distinct keys at the agency")
                    .hasSize(1);
            Handovers.await(
                    () -> "0"
                            .equals(query(
                                    url,
                                    "SELECT count(*) FROM outbox WHERE kind = 'AGENCY_NOTICE' AND done_at IS NULL")),
                    Duration.ofSeconds(30),
                    () -> "the notice sent after the restart");
            assertThat(keysSentTo(agency, "/notices"))
                    .hasSizeGreaterThanOrEqualTo(2)
                    .containsOnly(code + "/RESULT_DELIVERED");
            assertThat(query(url, "SELECT count(*) FROM outbox WHERE kind = 'AGENCY_NOTICE' AND last_error IS NULL"))
                    .isEqualTo("1");
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE e.type = 'DELIVERED_TO_AGENCY'), "
                            + "count(DISTINCT i.handover_id) FROM dossier d JOIN dossier_event e ON e.dossier_id = d.id "
                            + "JOIN handover_item i ON i.dossier_id = d.id WHERE d.code = '" + code + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1))
                        .as("DELIVERED_TO_AGENCY on the timeline")
                        .isEqualTo(1);
                assertThat(rs.getInt(2)).as("handovers of the dossier").isEqualTo(1);
            }
        }
        passed = true;
    }

    /** A short lease, so the restarted service takes the killed one's handover back within seconds. */
    private static String[] handoverArgs(ServicePorts ports) {
        return ServiceProcesses.serverArgs(ports, "-Ddw.handover.lease=3s", "-Ddw.handover.firstRetryDelay=200ms");
    }

    /** Intake and both scans over HTTP; returns the dossier code. */
    private String digitisedDossier(ServicePorts ports) throws Exception {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(app(ports, "/api/dossiers")))
                        .header("Authorization", basic(USERNAME, PASSWORD))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(INTAKE_BODY, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = JSON.readTree(created.body()).path("code").asText();
        Map<String, Multipart> scans = Map.of(
                "TO_KHAI",
                Multipart.file("to-khai.pdf", "application/pdf", Scans.pdf(2)),
                "GIAY_TO_TUY_THAN",
                Multipart.file("cccd.png", "image/png", Scans.png(3)));
        for (Map.Entry<String, Multipart> scan : scans.entrySet()) {
            HttpResponse<String> uploaded = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    app(ports, "/api/dossiers/" + code + "/components/" + scan.getKey() + "/files")))
                            .header("Authorization", basic(USERNAME, PASSWORD))
                            .header("Content-Type", Multipart.contentType())
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(
                                    scan.getValue().bytes()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        }
        return code;
    }

    private static List<String> keysSentTo(ScriptedAgency agency, String path) {
        return agency.received().stream()
                .filter(r -> r.getUrl().encodedPath().equals(path))
                .map(r -> r.getHeaders().get("Idempotency-Key"))
                .toList();
    }

    private static void execute(String url, String sql) throws java.sql.SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String statusOf(String url, String code) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status FROM dossier WHERE code = '" + code + "'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void processes() {
        processes = new ServiceProcesses(tmp);
    }

    @AfterEach
    void stopEverythingStartedHere() throws Exception {
        if (!passed) {
            processes.printTails();
        }
        processes.close();
        // A service or command killed before it could stop its embedded PostgreSQL leaves the
        // postmaster (daemonised by pg_ctl, so not our child) running on our temp data dir.
        Path dataDir = tmp.resolve("data");
        postmasterAlive(dataDir).ifPresent(postmasters::add);
        for (long pid : postmasters) {
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(pg -> pg.info()
                            .commandLine()
                            .map(c -> c.contains(dataDir.toString()))
                            .orElse(false))
                    .ifPresent(pg -> {
                        System.err.println("[ServiceProcessTest] stopping the PostgreSQL left on " + dataDir + " (pid "
                                + pid + ")");
                        pg.destroy(); // SIGTERM: smart shutdown; its clients are gone
                        try {
                            pg.onExit().get(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS);
                        } catch (Exception e) {
                            pg.destroyForcibly();
                        }
                    });
        }
    }

    // --- processes ---------------------------------------------------------------------------

    private static String[] serverArgs(ServicePorts ports) {
        return ServiceProcesses.serverArgs(ports);
    }

    private static Map<String, String> withPassword(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("DOSSIERPOST_PASSWORD", PASSWORD);
        return all;
    }

    private ServiceProcess start(String name, Map<String, String> env, String... args) throws IOException {
        return processes.start(name, env, args);
    }

    // --- helpers -----------------------------------------------------------------------------

    /** The pid in dataDir/postgres/postmaster.pid when that process is alive. */
    private static Optional<Long> postmasterAlive(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }

    /**
     * Waits for a process that is not our child (pg_ctl daemonises the postmaster) to exit and
     * returns how long that took. A zombie counts as exited: reaping it is up to PID 1, which in
     * some containers takes a second or more.
     */
    private static long awaitExit(long pid, Duration within) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + within.toNanos();
        while (running(pid)) {
            if (System.nanoTime() > deadline) {
                fail("postmaster " + pid + " still running " + within.toSeconds() + " s after the service stopped");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static boolean running(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try { // Linux: field 3 of /proc/<pid>/stat (after the parenthesised name) is the state
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private static boolean tableExists(String url, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String app(ServicePorts ports, String path) {
        return "http://127.0.0.1:" + ports.app() + path;
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
