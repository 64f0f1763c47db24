package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.InboxFiles;
import vn.dossierpost.support.ScriptedAgency;
import vn.dossierpost.support.TestApp;

/**
 * Two service instances, each with its own data directory, on one database, reading one inbox folder
 * (as several nodes on an NFS share or one SFTP landing folder): every file is read by one node only,
 * its events stored once and the file moved to .done/ once, nothing in .failed/; a file whose claim a
 * dead node left is taken over once the claim is older than handover.inboxClaimTimeout, and a live
 * claim of another node is not.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SharedInboxTest {
    static final int FILES = 48;
    static final int CLAIM_TIMEOUT_SECONDS = 10;
    static final ConfigOverride SYNC = ConfigOverride.config("handover.agencySyncInterval", "1s");
    static final ConfigOverride CLAIMS =
            ConfigOverride.config("handover.inboxClaimTimeout", CLAIM_TIMEOUT_SECONDS + "s");
    static final TestApp NODE_A = new TestApp(
            SYNC, CLAIMS, ConfigOverride.config("dataDir", TestApp.newDataDir().toString()));
    static final DropwizardAppExtension<?> EXT_A = NODE_A.extension();
    /** Started by hand once node A has handed the dossiers over: its own data directory holds none of their scans. */
    static final DropwizardAppExtension<?> EXT_B = TestApp.sharingDatabaseWith(
                    NODE_A,
                    SYNC,
                    CLAIMS,
                    ConfigOverride.config("dataDir", TestApp.newDataDir().toString()))
            .extension();

    static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    static MockWebServer agency;
    static Path inbox;
    static List<String> codes;

    @BeforeAll
    static void setUp() throws Exception {
        NODE_A.addUser("clerk.hn", Role.COUNTER, Dossiers.OFFICE, null);
        NODE_A.addUser("admin", Role.ADMIN, null, null);
        agency = new MockWebServer();
        agency.setDispatcher(new ScriptedAgency());
        agency.start();
        codes = new ArrayList<>(Handovers.copiesOf(NODE_A, Handovers.digitised(NODE_A, "clerk.hn", 1), FILES - 1));
        codes.add(NODE_A.jdbi()
                .withHandle(h -> h.createQuery("SELECT code FROM dossier WHERE code NOT LIKE '%-991231-%'")
                        .mapTo(String.class)
                        .one()));
        inbox = Files.createDirectories(TestApp.newDataDir().resolve("hop-thu-chung"));
        Handovers.configure(
                NODE_A,
                "admin",
                Dossiers.AGENCY,
                Map.of("channel", "HTTP", "baseUrl", agency.url("/").toString(), "inboxDir", inbox.toString()));
        Handovers.await(
                () -> count("SELECT count(*) FROM dossier WHERE status = 'DELIVERED_TO_AGENCY'") == FILES,
                Duration.ofSeconds(120),
                () -> "the dossiers handed over");
        EXT_B.before();
        // node B reads the inbox too once its periodic sync (every second) has built the agency's routes
        Thread.sleep(2500);
        LOG.start();
        ((Logger) LoggerFactory.getLogger("vn.dossierpost.integration.inbox")).addAppender(LOG);
    }

    @AfterAll
    static void tearDown() {
        ((Logger) LoggerFactory.getLogger("vn.dossierpost.integration.inbox")).detachAppender(LOG);
        EXT_B.after();
        agency.close();
    }

    @Test
    @Order(1)
    void eachFileDroppedInASharedInboxIsReadByOneNodeOnce() {
        for (int i = 0; i < FILES; i++) {
            InboxFiles.drop(inbox, "su-kien-" + i + ".jsonl", event("dang-xu-ly-" + i, codes.get(i)));
        }
        Handovers.await(
                () -> done().stream()
                                        .filter(n -> n.startsWith("su-kien-") && n.endsWith(".jsonl"))
                                        .count()
                                == FILES
                        && waiting().isEmpty(),
                Duration.ofSeconds(120),
                () -> done().size() + " of " + FILES + " files in .done/, still waiting: " + waiting());
        // a second read would come after the first one's move: give the slower node time to show it
        sleep(Duration.ofSeconds(2));

        Map<String, Long> readsPerFile = reads().stream()
                .filter(name -> name.startsWith("su-kien-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(readsPerFile).hasSize(FILES);
        assertThat(readsPerFile.values()).as("reads per file, over both nodes").containsOnly(1L);
        assertThat(done().stream().filter(n -> n.startsWith("su-kien-") && n.endsWith(".jsonl")))
                .hasSize(FILES)
                .doesNotHaveDuplicates();
        assertThat(inbox.resolve(".failed")).doesNotExist();
        assertThat(warnings()).as("no WARN from the inbox").isEmpty();
        assertThat(count(
                        "SELECT count(*) FROM agency_event WHERE event_id LIKE 'dang-xu-ly-%' AND outcome = 'APPLIED'"))
                .isEqualTo(FILES);
        assertThat(count("SELECT count(*) FROM dossier_event WHERE type = 'IN_PROCESSING'"))
                .isEqualTo(FILES);
        assertThat(count("SELECT count(*) FROM inbox_claim WHERE claim_key LIKE '" + inbox + "/su-kien-%'"))
                .as("one claim a file, kept after the move")
                .isEqualTo(FILES);
        System.out.println("[SharedInboxTest] files claimed per node: "
                + NODE_A.jdbi()
                        .withHandle(h -> h.createQuery(
                                        "SELECT string_agg(n::text, ', ' ORDER BY n DESC) FROM (SELECT count(*) AS n "
                                                + "FROM inbox_claim WHERE claim_key LIKE '%/su-kien-%' GROUP BY claimed_by) c")
                                .mapTo(String.class)
                                .one()));
    }

    @Test
    @Order(2)
    void aLiveClaimOfAnotherNodeHoldsTheFileAndAnExpiredOneIsTakenOver() throws Exception {
        // another node claimed the file just now (it is at work on it): both nodes leave it alone
        String name = "nut-khac-dang-doc.jsonl";
        String key = placeWithClaim(name, event("dang-doc-0", codes.get(0)), "nut-khac", "now()");
        sleep(Duration.ofSeconds(CLAIM_TIMEOUT_SECONDS / 2));
        assertThat(inbox.resolve(name)).exists();
        assertThat(reads()).doesNotContain(name);
        assertThat(claimant(key)).isEqualTo("nut-khac");

        // that node never finishes (it was killed): once its claim is older than the timeout, one of
        // the two nodes takes the file over and applies it
        Handovers.await(
                () -> Files.exists(inbox.resolve(".done").resolve(name)),
                Duration.ofSeconds(60),
                () -> name + " in .done/");
        sleep(Duration.ofSeconds(1));
        assertThat(reads()).containsOnlyOnce(name);
        assertThat(claimant(key)).isNotEqualTo("nut-khac");
        assertThat(count("SELECT count(*) FROM agency_event WHERE event_id = 'dang-doc-0'"))
                .isEqualTo(1);
        assertThat(inbox.resolve(".failed")).doesNotExist();
    }

    @Test
    @Order(3)
    void aFileLeftByANodeThatDiedLongAgoIsAppliedOnce() throws Exception {
        String name = "nut-chet-tu-lau.jsonl";
        String key = placeWithClaim(
                name, event("da-co-ket-qua-1", codes.get(1)), "nut-da-chet", "now() - interval '1 hour'");
        Handovers.await(
                () -> Files.exists(inbox.resolve(".done").resolve(name)),
                Duration.ofSeconds(30),
                () -> name + " in .done/");
        sleep(Duration.ofSeconds(1));
        assertThat(reads()).containsOnlyOnce(name);
        assertThat(claimant(key)).isNotEqualTo("nut-da-chet");
        assertThat(count("SELECT count(*) FROM agency_event WHERE event_id = 'da-co-ket-qua-1'"))
                .isEqualTo(1);
        assertThat(inbox.resolve(".failed")).doesNotExist();
        assertThat(warnings()).isEmpty();
    }

    /**
     * Writes the file, records {@code node}'s claim on it (claimed at {@code claimedAt}, SQL), and only
     * then its done file, so that neither test node can see the file before the claim is there. The
     * claim's key, as the route makes it.
     */
    private static String placeWithClaim(String name, String content, String node, String claimedAt)
            throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Path file = inbox.resolve(name);
        Files.write(file, bytes);
        String key = inbox + "/" + name + "/" + file.toFile().lastModified() + "/" + bytes.length;
        NODE_A.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO inbox_claim (claim_key, claimed_by, claimed_at) VALUES (?, ?, " + claimedAt + ")",
                        key,
                        node));
        Files.writeString(inbox.resolve(name + ".ready"), Signatures.sign(bytes, Handovers.SECRET));
        return key;
    }

    private static String claimant(String key) {
        return NODE_A.jdbi()
                .withHandle(h -> h.createQuery("SELECT claimed_by FROM inbox_claim WHERE claim_key = :k")
                        .bind("k", key)
                        .mapTo(String.class)
                        .one());
    }

    private static String event(String id, String code) {
        return "{\"eventId\":\"" + id + "\",\"dossierCode\":\"" + code + "\",\"type\":\"IN_PROCESSING\","
                + "\"at\":\"2026-11-24T10:00:00+07:00\",\"reason\":\"Đang thẩm định hồ sơ\"}\n";
    }

    /** The files the nodes have read, one entry a read, from the inbox route's log line. */
    private static List<String> reads() {
        return logged().stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(" read, to "))
                .map(m -> m.substring(m.indexOf("inbox file ") + "inbox file ".length(), m.indexOf(" read, to ")))
                .toList();
    }

    private static List<String> warnings() {
        return logged().stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static List<ILoggingEvent> logged() {
        synchronized (LOG) { // AppenderBase appends holding the appender's lock
            return List.copyOf(LOG.list);
        }
    }

    private static List<String> done() {
        return names(inbox.resolve(".done"));
    }

    private static List<String> waiting() {
        return names(inbox).stream().filter(n -> n.endsWith(".jsonl")).toList();
    }

    private static List<String> names(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql) {
        return NODE_A.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
