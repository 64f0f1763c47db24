package vn.dossierpost;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.Scans.sha256;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.dossierpost.agencysim.AgencySimulator;
import vn.dossierpost.auth.Passwords;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.InboxFiles;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.S3Server;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.ServicePorts;
import vn.dossierpost.support.ServiceProcess;
import vn.dossierpost.support.ServiceProcesses;
import vn.dossierpost.support.SmsGatewayStandIn;
import vn.dossierpost.support.StoreFiles;
import vn.dossierpost.support.TestDatabase;

/**
 * Three service processes (data directories of their own, one PostgreSQL database, one S3 bucket)
 * hand dossiers over to an agency that fails 30% of requests with 500 and answers 5% only after
 * longer than the handover lease, so leases run out mid-send and another node takes the handover
 * over; meanwhile one node at a time is killed with SIGKILL at random moments and started again.
 * Dossiers are taken in and scanned over HTTP on whichever nodes are up. In the end every dossier
 * taken in is in the database, delivered once in effect (one idempotency key at the agency, one
 * DELIVERED_TO_AGENCY on its timeline, the agency's first receipt recorded), the applicant's
 * messages are each recorded once and sent, and every scan is read back whole through every node.
 * The nodes also read one shared inbox folder, where the agency drops a signed event file for each
 * dossier as soon as it is delivered: every file is applied once and ends in .done/, none in .failed/.
 * The seed is printed; {@code -Dchaos.seed=N} repeats a run's draws (not its timing).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MultiNodeChaosTest {
    static final int NODES = 3;
    static final int DOSSIERS = 36;
    static final int KILLS = 4;
    static final Duration SLOW_ANSWER = Duration.ofSeconds(5); // longer than the lease below
    static final Duration SETTLED_WITHIN = Duration.ofSeconds(100);
    static final String CLERK = "clerk.chaos";
    static final String PASSWORD = "matkhau-hon-loan";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private ServiceProcesses processes;
    private AgencySimulator agency;
    private GreenMail smtp;
    private MockWebServer sms;
    private final SmsGatewayStandIn gateway = new SmsGatewayStandIn();
    private ExecutorService pool;
    private boolean passed;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private String url;
    private S3Server s3;
    private String bucket;
    private Path inbox;
    private Node[] nodes;
    /** What was uploaded, by dossier code and component. */
    private final Map<String, Map<String, byte[]>> scans = new ConcurrentHashMap<>();

    @Test
    void threeNodesOneKilledAtRandomDeliverEveryDossierOnceAndLoseNothing() throws Exception {
        long seed = Long.getLong("chaos.seed", System.nanoTime());
        System.out.printf("[MultiNodeChaosTest] seed %d (repeat the draws with -Dchaos.seed=%d)%n", seed, seed);
        long t0 = System.nanoTime();
        startAroundTheNodes(seed);
        startNodes();
        System.out.printf("[MultiNodeChaosTest] %d nodes healthy after %d ms%n", NODES, millisSince(t0));

        pool = Executors.newFixedThreadPool(4);
        Future<List<String>> chaos = pool.submit(() -> chaos(new Random(seed)));
        Future<Integer> events = pool.submit(this::dropAnEventFileForEachDeliveredDossier);
        List<Future<String>> intakes = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            int n = i;
            intakes.add(pool.submit(() -> takeInAndScan(n)));
        }
        List<String> codes = new ArrayList<>();
        for (Future<String> intake : intakes) {
            codes.add(intake.get());
        }
        System.out.printf(
                "[MultiNodeChaosTest] %d dossiers taken in and scanned after %d ms%n", DOSSIERS, millisSince(t0));
        List<String> kills = chaos.get();
        System.out.printf("[MultiNodeChaosTest] chaos done after %d ms: %s%n", millisSince(t0), kills);
        events.get(SETTLED_WITHIN.toSeconds(), TimeUnit.SECONDS);

        Handovers.await(
                this::settled, SETTLED_WITHIN, () -> "every dossier delivered and every message sent: " + progress());
        System.out.printf(
                "[MultiNodeChaosTest] all delivered and sent after %d ms; agency: %s; %d slow answers%n",
                millisSince(t0), agency.stats().summary(), agency.slowAnswers());

        nothingLost(codes);
        deliveredOnceInEffect(codes);
        everyMessageRecordedOnceAndSent(codes);
        everyScanReadableThroughEveryNode(codes);
        everyInboxFileAppliedOnce(codes);
        System.out.printf("[MultiNodeChaosTest] done after %d ms%n", millisSince(t0));
        passed = true;
    }

    // --- the world around the nodes ------------------------------------------------------------

    private void startAroundTheNodes(long seed) throws Exception {
        processes = new ServiceProcesses(tmp);
        s3 = S3Server.shared();
        bucket = s3.newBucket("chaos");
        url = TestDatabase.newDatabase();
        inbox = Files.createDirectories(tmp.resolve("hop-thu-chung"));
        agency = AgencySimulator.builder(Handovers.SECRET)
                .failRate(0.3)
                .delay(SLOW_ANSWER)
                .slowRate(0.05)
                .seed(seed)
                .threads(32)
                .start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        sms = new MockWebServer();
        sms.setDispatcher(gateway);
        sms.start();
        execute("UPDATE agency SET base_url = '" + agency.baseUrl() + "', secret = '" + Handovers.SECRET
                + "', batch_window_ms = 200, inbox_dir = '" + inbox
                + "', revision = revision + 1 WHERE code = '" + Dossiers.AGENCY + "'");
        execute("INSERT INTO app_user (username, password_hash, role, office_code) VALUES ('" + CLERK + "', '"
                + Passwords.hash(PASSWORD, 4) + "', 'COUNTER', '" + Dossiers.OFFICE + "')");
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", url);
        env.put("DATABASE_USER", "postgres");
        env.put("DOSSIERPOST_FILES_STORE", "s3");
        env.put("DOSSIERPOST_S3_ENDPOINT", s3.endpoint().toString());
        env.put("DOSSIERPOST_S3_BUCKET", bucket);
        env.put("DOSSIERPOST_S3_PATH_STYLE", "true");
        env.put("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        env.put("AWS_REGION", "us-east-1");
        env.put("DOSSIERPOST_NOTIFICATIONS", "true");
        env.put("DOSSIERPOST_SMTP_HOST", "127.0.0.1");
        env.put("DOSSIERPOST_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        env.put("DOSSIERPOST_SMS_URL", sms.url("/v1/sms").toString());
        env.put("DOSSIERPOST_FILE_DROP_ROOT", tmp.toString());
        nodes = new Node[NODES];
        for (int i = 0; i < NODES; i++) {
            Map<String, String> own = new HashMap<>(env);
            Path dataDir = Files.createDirectories(tmp.resolve("node-" + (i + 1)));
            own.put("DOSSIERPOST_DATA_DIR", dataDir.toString());
            nodes[i] = new Node("node-" + (i + 1), dataDir, own);
        }
    }

    private void startNodes() throws Exception {
        for (Node node : nodes) {
            node.launch();
        }
        for (Node node : nodes) {
            node.awaitUp();
        }
    }

    /** One service node: restarted on new ports each time, its data directory kept. */
    private final class Node {
        final String name;
        final Path dataDir;
        final Map<String, String> env;
        volatile ServicePorts ports;
        volatile ServiceProcess process;
        volatile boolean up;
        int starts;

        Node(String name, Path dataDir, Map<String, String> env) {
            this.name = name;
            this.dataDir = dataDir;
            this.env = env;
        }

        void launch() throws IOException {
            ports = ServicePorts.free();
            process = processes.start(
                    name + "-" + ++starts,
                    env,
                    ServiceProcesses.serverArgs(
                            ports,
                            "-Xmx384m",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            // short enough to run out while the agency holds a slow answer
                            "-Ddw.handover.lease=3s",
                            "-Ddw.handover.firstRetryDelay=200ms",
                            "-Ddw.handover.largestRetryDelay=2s",
                            "-Ddw.notifications.lease=3s",
                            "-Ddw.notifications.pollInterval=300ms",
                            "-Ddw.notifications.firstRetryDelay=500ms",
                            "-Ddw.notifications.largestRetryDelay=2s",
                            // a killed node's claim on an inbox file is taken over after this
                            "-Ddw.handover.inboxClaimTimeout=5s"));
        }

        void awaitUp() throws InterruptedException {
            process.awaitHealthy(ports.admin());
            up = true;
        }

        void kill() throws InterruptedException {
            up = false;
            process.kill();
        }
    }

    /** Kills a random node at a random moment, starts it again once it is gone, {@link #KILLS} times. */
    private List<String> chaos(Random random) throws Exception {
        List<String> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int k = 0; k < KILLS; k++) {
            Thread.sleep(1000 + random.nextInt(5000));
            Node node = nodes[random.nextInt(NODES)];
            node.kill();
            long at = millisSince(t0);
            Thread.sleep(random.nextInt(1500));
            node.launch();
            node.awaitUp();
            done.add(String.format("%s killed at +%d ms, up again at +%d ms", node.name, at, millisSince(t0)));
        }
        return done;
    }

    // --- the counter: intake and scans over HTTP on any node that is up -------------------------

    /**
     * A dossier taken in and both documents scanned, each step on the next node that is up. A
     * request broken off by a kill may have been done or not: the step looks in the database before
     * it tries again, as a clerk would look the dossier up.
     */
    private String takeInAndScan(int n) throws Exception {
        String street = "Số " + (n + 1) + " ngõ Thử Lửa";
        Map<String, Object> body = Dossiers.judicialRecord();
        Dossiers.address(body).put("street", street);
        byte[] intake = JSON.writeValueAsBytes(body);
        String code = retrying(n, () -> query("SELECT code FROM dossier WHERE applicant_street = ?", street), node -> {
            HttpResponse<String> res = send(node, "/api/dossiers", "application/json", intake, true);
            return res.statusCode() == 201
                    ? JSON.readTree(res.body()).path("code").asText()
                    : null;
        });
        Map<String, byte[]> files =
                new TreeMap<>(Map.of("TO_KHAI", Scans.pdf(1 + n % 3), "GIAY_TO_TUY_THAN", Scans.png(n)));
        scans.put(code, files);
        for (Map.Entry<String, byte[]> scan : files.entrySet()) {
            String component = scan.getKey();
            byte[] multipart = Multipart.file(
                            component.equals("TO_KHAI") ? "tờ khai.pdf" : "căn cước.png",
                            component.equals("TO_KHAI") ? "application/pdf" : "image/png",
                            scan.getValue())
                    .bytes();
            retrying(
                    n,
                    () -> query(
                            "SELECT f.sha256 FROM dossier_file f JOIN dossier d ON d.id = f.dossier_id "
                                    + "WHERE d.code = ? AND f.component_code = ?",
                            code,
                            component),
                    node -> {
                        HttpResponse<String> res = send(
                                node,
                                "/api/dossiers/" + code + "/components/" + component + "/files",
                                Multipart.contentType(),
                                multipart,
                                false);
                        return res.statusCode() == 201 ? "uploaded" : null;
                    });
        }
        return code;
    }

    interface Lookup {
        String done() throws SQLException;
    }

    interface Step {
        /** The result, or null when the node answered but not with success. */
        String on(Node node) throws IOException, InterruptedException;
    }

    private String retrying(int n, Lookup lookup, Step step) throws Exception {
        List<String> failures = new ArrayList<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            String done = lookup.done();
            if (done != null) {
                return done;
            }
            Node node = nodes[(n + attempt) % NODES];
            if (!node.up) {
                Thread.sleep(100);
                continue;
            }
            try {
                String result = step.on(node);
                if (result != null) {
                    return result;
                }
                failures.add(node.name + " answered no");
            } catch (IOException e) {
                failures.add(node.name + ": " + e);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("dossier " + n + ": no node did it: " + failures);
    }

    private HttpResponse<String> send(Node node, String path, String type, byte[] body, boolean post)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.ports.url(path)))
                .header("Authorization", basic())
                .header("Content-Type", type)
                .timeout(Duration.ofSeconds(30));
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofByteArray(body);
        HttpResponse<String> res = http.send(
                (post ? request.POST(publisher) : request.PUT(publisher)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (res.statusCode() != 201) {
            System.out.printf(
                    "[MultiNodeChaosTest] %s %s on %s: %d %s%n",
                    post ? "POST" : "PUT", path, node.name, res.statusCode(), res.body());
        }
        return res;
    }

    // --- what must hold ------------------------------------------------------------------------

    /** Delivered (the event on the timeline: an agency event moves the status on), told and read. */
    private static final String NOT_DELIVERED = "SELECT count(*) FROM dossier d WHERE NOT EXISTS (SELECT 1 FROM "
            + "dossier_event e WHERE e.dossier_id = d.id AND e.type = 'DELIVERED_TO_AGENCY')";

    private boolean settled() {
        return "0"
                        .equals(queryUnchecked("SELECT (" + NOT_DELIVERED + ") "
                                + "+ (SELECT count(*) FROM notification WHERE sent_at IS NULL)"))
                && names(inbox).stream().noneMatch(n -> n.endsWith(".jsonl"))
                && names(inbox.resolve(".done")).size() == DOSSIERS;
    }

    private String progress() {
        return queryUnchecked("SELECT (" + NOT_DELIVERED + ") || ' of ' || (SELECT count(*) FROM dossier) "
                        + "|| ' not delivered; messages not sent: ' || "
                        + "(SELECT count(*) FROM notification WHERE sent_at IS NULL)")
                + "; in the inbox " + names(inbox) + ", in .done/ "
                + names(inbox.resolve(".done")).size()
                + "; agency: " + agency.stats().summary();
    }

    /**
     * The agency's side of the shared inbox: as each dossier is delivered, an IN_PROCESSING event for
     * it in a signed file of its own, while the nodes are being killed. Returns the files dropped.
     */
    private int dropAnEventFileForEachDeliveredDossier() throws Exception {
        Set<String> dropped = new java.util.HashSet<>();
        long end = System.nanoTime() + SETTLED_WITHIN.plusSeconds(60).toNanos();
        while (dropped.size() < DOSSIERS && System.nanoTime() < end) {
            for (String code : list("SELECT d.code FROM dossier d WHERE EXISTS (SELECT 1 FROM dossier_event e "
                    + "WHERE e.dossier_id = d.id AND e.type = 'DELIVERED_TO_AGENCY')")) {
                if (dropped.add(code)) {
                    InboxFiles.drop(
                            inbox,
                            "su-kien-" + code + ".jsonl",
                            "{\"eventId\":\"dang-xu-ly-" + code
                                    + "\",\"dossierCode\":\"" + code + "\",\"type\":\"IN_PROCESSING\","
                                    + "\"at\":\"" + now() + "\",\"reason\":\"Đang thẩm định hồ sơ\"}\n");
                }
            }
            Thread.sleep(300);
        }
        return dropped.size();
    }

    /** Every dossier taken in is in the database, once (no second dossier from a retried intake). */
    private void nothingLost(List<String> codes) throws SQLException {
        assertThat(list("SELECT code FROM dossier")).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(Set.copyOf(codes)).hasSize(DOSSIERS);
    }

    private void deliveredOnceInEffect(List<String> codes) throws SQLException {
        assertThat(list("SELECT d.code || ' ' || count(e.*) FILTER (WHERE e.type = 'DELIVERED_TO_AGENCY') || ' ' || "
                        + "(SELECT count(*) FROM handover_item i WHERE i.dossier_id = d.id AND i.state = 'DELIVERED') "
                        + "FROM dossier d JOIN dossier_event e ON e.dossier_id = d.id GROUP BY d.id"))
                .as("<code> <DELIVERED_TO_AGENCY events> <delivered handover items>")
                .containsExactlyInAnyOrderElementsOf(
                        codes.stream().map(c -> c + " 1 1").toList());

        Map<String, List<String>> keysByDossier =
                agency.acceptedKeys().stream().collect(Collectors.groupingBy(k -> k.substring(0, k.indexOf('/'))));
        assertThat(keysByDossier).containsOnlyKeys(codes);
        assertThat(keysByDossier.values())
                .as("idempotency keys per dossier at the agency")
                .allMatch(keys -> keys.size() == 1);
        AgencySimulator.Stats stats = agency.stats();
        assertThat(stats.rejected())
                .as("requests the agency refused as malformed")
                .isZero();
        int repeats = 0;
        int keysRepeated = 0;
        for (List<String> keys : keysByDossier.values()) {
            String key = keys.get(0);
            int count = agency.keyCount(key);
            repeats += count - 1;
            keysRepeated += count > 1 ? 1 : 0;
            String code = key.substring(0, key.indexOf('/'));
            // whichever answer was recorded (the first 201, or a 409 to a resend), it is the first receipt
            assertThat(query("SELECT agency_receipt_number FROM dossier WHERE code = ?", code))
                    .as("receipt recorded for %s", code)
                    .isEqualTo(agency.delivery(key).orElseThrow().receipt().receiptNumber());
        }
        assertThat(stats.duplicates()).as("sends again under a known key").isEqualTo(repeats);
        System.out.printf(
                "[MultiNodeChaosTest] %d keys sent again (%d repeats, answered with the first receipt); "
                        + "%d requests failed on purpose, %d answered slowly; outbox rows by kind (claims, most claims "
                        + "of one): %s%n",
                keysRepeated,
                repeats,
                stats.failedOnPurpose(),
                agency.slowAnswers(),
                list("SELECT kind || ' ' || count(*) || ' (' || sum(attempts) || ', ' || max(attempts) || ')' "
                        + "FROM outbox GROUP BY kind"));
    }

    /**
     * The applicant's messages (received, reached the agency; e-mail and SMS each) written once per
     * dossier whatever the kills, every one marked sent, and each arrived at the mail server or SMS
     * gateway (a kill between sending and marking may send one twice: at least once is the promise).
     */
    private void everyMessageRecordedOnceAndSent(List<String> codes) throws Exception {
        List<String> expected = new ArrayList<>();
        for (String code : codes) {
            for (String kind : List.of("RECEIVED", "DELIVERED_TO_AGENCY")) {
                expected.add(code + " " + kind + " EMAIL sent");
                expected.add(code + " " + kind + " SMS sent");
            }
        }
        assertThat(list("SELECT d.code || ' ' || n.kind || ' ' || n.channel || ' ' || "
                        + "CASE WHEN n.sent_at IS NOT NULL AND n.failed_at IS NULL THEN 'sent' ELSE 'NOT SENT' END "
                        + "FROM notification n JOIN dossier d ON d.id = n.dossier_id"))
                .containsExactlyInAnyOrderElementsOf(expected);
        for (String key : agency.acceptedKeys()) {
            String code = key.substring(0, key.indexOf('/'));
            assertThat(query(
                            "SELECT n.body FROM notification n JOIN dossier d ON d.id = n.dossier_id "
                                    + "WHERE d.code = ? AND n.kind = 'DELIVERED_TO_AGENCY' AND n.channel = 'EMAIL'",
                            code))
                    .contains(agency.delivery(key).orElseThrow().receipt().receiptNumber());
        }
        Map<String, Long> mailsByCode = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            codes.stream().filter(mail.getSubject()::contains).forEach(c -> mailsByCode.merge(c, 1L, Long::sum));
        }
        int smsSent = gateway.received().size();
        for (String code : codes) {
            assertThat(mailsByCode.getOrDefault(code, 0L))
                    .as("e-mails about %s", code)
                    .isGreaterThanOrEqualTo(2);
            assertThat(gateway.about(code)).as("SMS about %s", code).hasSizeGreaterThanOrEqualTo(2);
        }
        System.out.printf(
                "[MultiNodeChaosTest] messages: %d rows; %d e-mails and %d SMS arrived%n",
                expected.size(), smtp.getReceivedMessages().length, smsSent);
    }

    /** Every scan row holds the bytes uploaded, is an object in the bucket, and every node serves it from there. */
    private void everyScanReadableThroughEveryNode(List<String> codes) throws Exception {
        List<String[]> files = new ArrayList<>();
        try (Connection c = connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT d.code, f.component_code, f.id, f.sha256 FROM dossier_file f "
                        + "JOIN dossier d ON d.id = f.dossier_id")) {
            while (rs.next()) {
                files.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        assertThat(files).hasSize(2 * codes.size());
        for (String[] f : files) {
            byte[] uploaded = scans.get(f[0]).get(f[1]);
            assertThat(f[3]).as("sha256 of %s %s", f[0], f[1]).isEqualTo(sha256(uploaded));
            assertThat(s3.object(bucket, f[3]))
                    .as("the object of %s %s", f[0], f[1])
                    .exists();
            for (Node node : nodes) {
                HttpResponse<byte[]> res = http.send(
                        HttpRequest.newBuilder(URI.create(node.ports.url("/api/dossiers/" + f[0] + "/files/" + f[2])))
                                .header("Authorization", basic())
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(res.statusCode())
                        .as("%s %s through %s", f[0], f[1], node.name)
                        .isEqualTo(200);
                assertThat(res.body())
                        .as("%s %s through %s", f[0], f[1], node.name)
                        .isEqualTo(uploaded);
            }
        }
        for (Node node : nodes) {
            assertThat(new StoreFiles(node.dataDir).blobs())
                    .as("scans kept on %s's own disk", node.name)
                    .isEmpty();
        }
    }

    /**
     * Every event file in .done/ once, nothing left in the inbox or in .failed/,
     * each event applied once: one IN_PROCESSING on each dossier's timeline. A node killed between
     * applying a file and moving it leaves it to another node, which finds the event applied.
     */
    private void everyInboxFileAppliedOnce(List<String> codes) throws Exception {
        List<String> expected = new ArrayList<>();
        for (String code : codes) {
            expected.add("su-kien-" + code + ".jsonl"); // its done file is deleted once it is read
        }
        assertThat(names(inbox.resolve(".done"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(names(inbox)).as("left in the inbox").isEmpty();
        assertThat(inbox.resolve(".failed")).doesNotExist();
        assertThat(list("SELECT d.code || ' ' || count(e.*) FROM dossier d LEFT JOIN dossier_event e "
                        + "ON e.dossier_id = d.id AND e.type = 'IN_PROCESSING' GROUP BY d.id"))
                .as("<code> <IN_PROCESSING events>")
                .containsExactlyInAnyOrderElementsOf(
                        codes.stream().map(c -> c + " 1").toList());
        assertThat(list("SELECT event_id || ' ' || outcome FROM agency_event"))
                .containsExactlyInAnyOrderElementsOf(
                        codes.stream().map(c -> "dang-xu-ly-" + c + " APPLIED").toList());
        Map<String, Long> reads = processes.started().stream()
                .flatMap(p -> p.output().lines())
                .filter(line -> line.contains(" read, to "))
                .map(line -> line.substring(
                        line.indexOf("inbox file ") + "inbox file ".length(), line.indexOf(" read, to ")))
                .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        System.out.printf(
                "[MultiNodeChaosTest] inbox: %d files in .done/; reads logged %d, files read more than once %s%n",
                expected.size(),
                reads.values().stream().mapToLong(Long::longValue).sum(),
                reads.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .toList());
    }

    private static String now() {
        return java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
    }

    private static List<String> names(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .toList();
        } catch (IOException e) {
            return List.of(); // listed while a node moved a file: the next look sees it
        }
    }

    @AfterEach
    void stopEverythingStartedHere() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (processes != null) {
            if (!passed) {
                processes.printTails();
            }
            processes.close();
        }
        if (agency != null) {
            agency.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (sms != null) {
            sms.close();
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String query(String sql, String... params) throws SQLException {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String queryUnchecked(String sql) {
        try {
            return query(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> list(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((CLERK + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
