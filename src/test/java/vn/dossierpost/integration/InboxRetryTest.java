package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.InboxFiles;
import vn.dossierpost.support.TestApp;

/**
 * An agency's inbox files while the database fails under them: a connection lost in the middle of a
 * file is tried again and every line applied once; a database away for longer than the retries leaves
 * the file in the inbox (with a warning, and the "camel" health check failing) until it is back; and a file with wrong lines, dropped again
 * whole, does not apply its good lines twice. The database "fails" as it does when a server restarts:
 * a trigger ends the app's own connection (pg_terminate_backend, SQLState 57P01) in the middle of the
 * transaction, so that its pooled connection is dead too.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InboxRetryTest {
    static final TestApp APP = new TestApp(ConfigOverride.config("handover.inboxRetryFor", "1s"));
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> EXT = APP.extension();
    static final String CLERK = "clerk.hn";
    static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    static Path inbox;

    @BeforeAll
    static void setUp() throws IOException {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        Path root = TestApp.newDataDir();
        inbox = Files.createDirectories(root.resolve("hop-thu"));
        Handovers.configure(
                APP,
                "admin",
                Dossiers.AGENCY,
                Map.of(
                        "channel",
                        "FILE_DROP",
                        "outboxDir",
                        Files.createDirectories(root.resolve("hop-gui")).toString(),
                        "inboxDir",
                        inbox.toString(),
                        "batchWindowMs",
                        200));
        LOG.start();
        ((Logger) LoggerFactory.getLogger("vn.dossierpost.integration.inbox")).addAppender(LOG);
        APP.jdbi().useHandle(h -> h.execute("""
                CREATE FUNCTION cut_connection() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- TG_ARGV: the sequence counting the attempts, and how many of them are cut
                    IF nextval(TG_ARGV[0]::regclass) <= TG_ARGV[1]::bigint THEN
                        PERFORM pg_terminate_backend(pg_backend_pid());
                        PERFORM pg_sleep(5);
                    END IF;
                    RETURN NEW;
                END $$"""));
    }

    @AfterEach
    void noCutLeft() {
        APP.jdbi().useHandle(h -> {
            h.execute("DROP TRIGGER IF EXISTS cut ON agency_event");
            h.execute("DROP TRIGGER IF EXISTS cut ON dossier_event");
            h.execute("DROP SEQUENCE IF EXISTS cut_attempts");
        });
    }

    @Test
    void aConnectionLostInTheMiddleOfAFileIsTriedAgainAndEveryLineAppliedOnce() throws IOException {
        String code = delivered(51);
        cutConnection("agency_event", "NEW.event_id = 'mat-2'", 1);
        String name = "mat-ket-noi.jsonl";
        InboxFiles.drop(
                inbox,
                name,
                lines(
                        event("mat-1", code, "IN_PROCESSING"),
                        event(
                                "mat-2",
                                code,
                                "DELAYED",
                                "\"newAppointmentDate\": \"" + LocalDate.now().plusWeeks(3) + "\""),
                        event("mat-3", code, "RESULT_READY", "\"resultReference\": \"KQ-2026-51\"")));

        awaitFile(".done/" + name);
        assertThat(attempts()).as("the cut attempt and the one after it").isEqualTo(2);
        assertThat(Files.exists(inbox.resolve(".failed/" + name + ".error.txt")))
                .isFalse();
        assertThat(Handovers.status(APP, code)).isEqualTo("RESULT_READY");
        assertThat(Handovers.eventTypes(APP, code))
                .containsSubsequence("DELIVERED_TO_AGENCY", "IN_PROCESSING", "DELAYED", "RESULT_READY");
        assertThat(timelineCount(code, "IN_PROCESSING")).isEqualTo(1);
        assertThat(timelineCount(code, "DELAYED")).isEqualTo(1);
        assertThat(timelineCount(code, "RESULT_READY")).isEqualTo(1);
        assertThat(storedEvents("mat-%")).isEqualTo(3);
    }

    @Test
    void anAcknowledgementCutOffOnceIsAppliedOnTheRetry() {
        String code = inTransit(52);
        cutConnection("dossier_event", "NEW.type = 'DELIVERED_TO_AGENCY'", 1);
        String name = "bien-nhan-cat.ack.json";
        acknowledge(name, code);

        awaitFile(".done/" + name);
        assertThat(attempts()).isEqualTo(2);
        assertThat(Handovers.status(APP, code)).isEqualTo("DELIVERED_TO_AGENCY");
        assertThat(timelineCount(code, "DELIVERED_TO_AGENCY")).isEqualTo(1);
    }

    @Test
    void aFileWithWrongLinesDroppedAgainWholeDoesNotApplyItsGoodLinesTwice() throws IOException {
        String code = delivered(53);
        String good1 = event("sai-1", code, "IN_PROCESSING");
        String good4 = event("sai-4", code, "RESULT_READY", "\"resultReference\": \"KQ-2026-53\"");
        String wrong =
                lines(good1, "{ khong phai JSON", event("sai-3", "000.00.15.H26-991231-9998", "RECEIVED"), good4);
        String name = "co-dong-sai.jsonl";
        Path error = inbox.resolve(".failed/" + name + ".error.txt");
        for (int drop = 1; drop <= 2; drop++) {
            Files.deleteIfExists(error);
            Files.deleteIfExists(inbox.resolve(".failed/" + name));
            InboxFiles.drop(inbox, name, wrong);
            awaitFile(".failed/" + name); // moved there after its .error.txt is written
            assertThat(Files.readString(error, StandardCharsets.UTF_8))
                    .as("drop %d", drop)
                    .contains("line 2: not a JSON event")
                    .contains("line 3: not found: no dossier")
                    .doesNotContain("line 1:")
                    .doesNotContain("line 4:");
            assertThat(Files.exists(inbox.resolve(name))).isFalse();
        }
        // corrected: the wrong lines left out
        String corrected = "da-sua.jsonl";
        InboxFiles.drop(inbox, corrected, lines(good1, good4));
        awaitFile(".done/" + corrected);

        assertThat(Handovers.status(APP, code)).isEqualTo("RESULT_READY");
        assertThat(timelineCount(code, "IN_PROCESSING")).isEqualTo(1);
        assertThat(timelineCount(code, "RESULT_READY")).isEqualTo(1);
        assertThat(storedEvents("sai-%")).as("sai-1, sai-3 (not found), sai-4").isEqualTo(3);
    }

    @Test
    void aFileIsLeftInTheInboxWhileTheDatabaseIsAwayAndAppliedWhenItIsBack() throws IOException {
        String code = delivered(54);
        cutConnection("agency_event", "NEW.event_id = 'vang-1'", Long.MAX_VALUE);
        String name = "csdl-vang.jsonl";
        synchronized (LOG) { // AppenderBase appends holding the appender's lock
            LOG.list.clear();
        }
        InboxFiles.drop(inbox, name, lines(event("vang-1", code, "IN_PROCESSING")));

        // 1 s of retries (handover.inboxRetryFor) holds at most 5 attempts: 8 is a later poll's
        Handovers.await(() -> attempts() >= 8, Duration.ofSeconds(20), () -> "a later poll's attempts");
        assertThat(Files.exists(inbox.resolve(name))).as("left in the inbox").isTrue();
        assertThat(Files.exists(inbox.resolve(name + ".ready")))
                .as("with its done file")
                .isTrue();
        assertThat(Files.exists(inbox.resolve(".failed/" + name))).isFalse();
        assertThat(Files.exists(inbox.resolve(".failed/" + name + ".error.txt")))
                .isFalse();
        assertThat(logged().stream()
                        .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                        .map(ILoggingEvent::getFormattedMessage))
                .anyMatch(m -> m.contains(name) && m.contains("left for the next poll"));
        assertThat(Handovers.status(APP, code)).isEqualTo("DELIVERED_TO_AGENCY");
        Map<?, ?> health = camelHealth();
        assertThat(health.get("healthy")).isEqualTo(false);
        assertThat((String) health.get("message")).isEqualTo("1 inbox files wait for the database");
        assertThat(health.get("inboxFilesWaitingForDatabase")).isEqualTo(Map.of(Dossiers.AGENCY, 1));

        APP.jdbi().useHandle(h -> h.execute("DROP TRIGGER cut ON agency_event"));
        awaitFile(".done/" + name);
        assertThat(camelHealth().get("healthy")).isEqualTo(true);
        assertThat((Map<?, ?>) camelHealth().get("inboxFilesWaitingForDatabase"))
                .isEmpty();
        assertThat(Handovers.status(APP, code)).isEqualTo("IN_PROCESSING");
        assertThat(timelineCount(code, "IN_PROCESSING")).isEqualTo(1);
        assertThat(storedEvents("vang-%")).isEqualTo(1);
    }

    private static List<ILoggingEvent> logged() {
        synchronized (LOG) {
            return List.copyOf(LOG.list);
        }
    }

    private static Map<?, ?> camelHealth() {
        try (Response health = EXT.client()
                .target("http://127.0.0.1:" + EXT.getAdminPort() + "/healthcheck")
                .request()
                .get()) {
            return (Map<?, ?>) health.readEntity(Map.class).get("camel");
        }
    }

    /**
     * From now on the first {@code times} inserts into {@code table} for which {@code when} holds end
     * their own connection, as a server shutting down does; {@link #attempts()} counts them all.
     */
    private static void cutConnection(String table, String when, long times) {
        APP.jdbi().useHandle(h -> {
            h.execute("CREATE SEQUENCE cut_attempts");
            h.execute("CREATE TRIGGER cut BEFORE INSERT ON " + table + " FOR EACH ROW WHEN (" + when
                    + ") EXECUTE FUNCTION cut_connection('cut_attempts', '" + times + "')");
        });
    }

    private static long attempts() {
        return APP.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM cut_attempts")
                                .mapTo(Long.class)
                                .one());
    }

    private static String inTransit(int seed) {
        String code = Handovers.digitised(APP, CLERK, seed);
        Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
        return code;
    }

    private static String delivered(int seed) {
        String code = inTransit(seed);
        acknowledge("bien-nhan-" + seed + ".ack.json", code);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        return code;
    }

    private static void acknowledge(String name, String code) {
        String no = Handovers.handoversOf(APP, code).get(0);
        InboxFiles.drop(inbox, name, """
                {"handoverNo": "%s", "receipts": [{"dossierCode": "%s", "receiptNumber": "STP-%s"}]}
                """.formatted(no, code, code));
    }

    private static String event(String id, String code, String type, String... more) {
        StringBuilder json = new StringBuilder(
                "{\"eventId\": \"" + id + "\", \"dossierCode\": \"" + code + "\", \"type\": \"" + type + "\"");
        for (String field : more) {
            json.append(", ").append(field);
        }
        return json.append('}').toString();
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static void awaitFile(String relative) {
        Path file = inbox.resolve(relative);
        Handovers.await(() -> Files.exists(file), Duration.ofSeconds(20), file::toString);
    }

    private static int timelineCount(String code, String type) {
        return (int)
                Handovers.eventTypes(APP, code).stream().filter(type::equals).count();
    }

    private static int storedEvents(String idLike) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM agency_event WHERE event_id LIKE :id")
                        .bind("id", idLike)
                        .mapTo(Integer.class)
                        .one());
    }
}
