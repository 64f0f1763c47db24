package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
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
 * Two service instances, each with its own data directory, on one database, reading one inbox
 * folder (as several nodes on an NFS share or one SFTP landing folder): every file is read by one
 * node only, its events stored once and the file moved to .done/ once; and a file whose claim was left
 * by a node that died mid-file is taken over once the claim is older than handover.inboxClaimTimeout.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SharedInboxTest {
    static final int FILES = 40;
    static final ConfigOverride SYNC = ConfigOverride.config("handover.agencySyncInterval", "1s");
    static final ConfigOverride CLAIMS = ConfigOverride.config("handover.inboxClaimTimeout", "4s");
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
    void eachFileDroppedInASharedInboxIsReadByOneNodeOnce() throws IOException {
        for (int i = 0; i < FILES; i++) {
            InboxFiles.drop(inbox, "su-kien-" + i + ".jsonl", event("dang-xu-ly-" + i, codes.get(i)));
        }
        Handovers.await(
                () -> done().size() == FILES && waiting().isEmpty(),
                Duration.ofSeconds(120),
                () -> done().size() + " of " + FILES + " files in .done/, still waiting: " + waiting());

        Map<String, Long> readsPerFile = reads().stream()
                .filter(name -> name.startsWith("su-kien-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(readsPerFile).hasSize(FILES);
        assertThat(readsPerFile.values()).as("reads per file, over both nodes").containsOnly(1L);
        assertThat(inbox.resolve(".failed")).doesNotExist();
        assertThat(count(
                        "SELECT count(*) FROM agency_event WHERE event_id LIKE 'dang-xu-ly-%' AND outcome = 'APPLIED'"))
                .isEqualTo(FILES);
        assertThat(count("SELECT count(*) FROM dossier_event WHERE type = 'IN_PROCESSING'"))
                .isEqualTo(FILES);
        assertThat(count("SELECT count(*) FROM CAMEL_MESSAGEPROCESSED"))
                .as("claims left once the files have moved")
                .isZero();
    }

    @Test
    @Order(2)
    void aFileWhoseNodeDiedMidFileIsTakenOverWhenItsClaimIsOld() throws Exception {
        // a node claimed the file (its claim renewed far ahead, as if it were still at work) and then died
        String name = "nut-chet-giua-chung.jsonl";
        NODE_A.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) "
                                + "VALUES ('inbox', ?, now() + interval '1 hour')",
                        Dossiers.AGENCY + "/" + name));
        InboxFiles.drop(inbox, name, event("da-co-ket-qua-0", codes.get(0)));
        // several polls of both nodes: a live claim keeps the file where it is
        Thread.sleep(1500);
        System.out.println("[SharedInboxTest] claims: "
                + NODE_A.jdbi()
                        .withHandle(h -> h.createQuery(
                                        "SELECT string_agg(processorName || ' ' || messageId || ' ' || createdAt, '; ') FROM CAMEL_MESSAGEPROCESSED")
                                .mapTo(String.class)
                                .one()));
        System.out.println("[SharedInboxTest] reads: "
                + reads().stream().filter(n -> !n.startsWith("su-kien")).toList() + " "
                + LOG.list.stream()
                        .filter(e -> e.getFormattedMessage().contains("nut-chet"))
                        .map(ILoggingEvent::getFormattedMessage)
                        .toList());
        assertThat(inbox.resolve(name)).exists();
        assertThat(reads()).doesNotContain(name);

        // the claim stops being renewed (the node is gone): after the claim timeout another node takes it
        NODE_A.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE CAMEL_MESSAGEPROCESSED SET createdAt = now() - interval '5 seconds' WHERE messageId = ?",
                        Dossiers.AGENCY + "/" + name));
        Handovers.await(
                () -> Files.exists(inbox.resolve(".done").resolve(name)),
                Duration.ofSeconds(60),
                () -> name + " in .done/");
        assertThat(reads()).containsOnlyOnce(name);
        assertThat(inbox.resolve(name)).doesNotExist();
        assertThat(count("SELECT count(*) FROM agency_event WHERE event_id = 'da-co-ket-qua-0'"))
                .isEqualTo(1);
    }

    private static String event(String id, String code) {
        return "{\"eventId\":\"" + id + "\",\"dossierCode\":\"" + code + "\",\"type\":\"IN_PROCESSING\","
                + "\"at\":\"2026-11-24T10:00:00+07:00\",\"reason\":\"Đang thẩm định hồ sơ\"}\n";
    }

    /** The files the nodes have read, one entry a read, from the inbox route's log line. */
    private static List<String> reads() {
        synchronized (LOG.list) {
            return LOG.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains(" read, to "))
                    .map(m -> m.substring(m.indexOf("inbox file ") + "inbox file ".length(), m.indexOf(" read, to ")))
                    .toList();
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
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(String sql) {
        return NODE_A.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
