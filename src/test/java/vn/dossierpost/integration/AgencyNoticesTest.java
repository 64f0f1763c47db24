package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.GivenUp;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.ScriptedAgency;
import vn.dossierpost.support.TestApp;

/**
 * Notices to agencies (result delivered or returned) leave from the outbox through each agency's
 * channel: over HTTP signed and keyed by the event id, retried through 5xx, given up on a 4xx; by
 * file drop as a JSON Lines file and its done file, never half-written.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AgencyNoticesTest {
    static final TestApp APP = new TestApp();
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> EXT = APP.extension();
    static final String DROP_AGENCY = "000.00.15.H29";
    static final ScriptedAgency AGENCY = new ScriptedAgency();
    static final ObjectMapper JSON = new ObjectMapper();
    static MockWebServer server;
    static Path dropDir;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        server = new MockWebServer();
        server.setDispatcher(AGENCY);
        server.start();
        Handovers.http(APP, "admin", Dossiers.AGENCY, server.url("/").toString());
        dropDir = Files.createDirectories(TestApp.newDataDir().resolve("so-tu-phap-hcm-den"));
        Handovers.configure(APP, "admin", DROP_AGENCY, Map.of("channel", "FILE_DROP", "outboxDir", dropDir.toString()));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void overHttpANoticeIsRetriedThroughServerErrorsAndSentOnce() throws Exception {
        AGENCY.reset();
        // 429 and 408 mean "later" as much as a 5xx does
        AGENCY.then(503, "{}").then(429, "{}").then(408, "{}");
        long dossier = newDossier();
        String body = notice("HTTP-1", "RESULT_DELIVERED");
        enqueue(dossier, Dossiers.AGENCY, body);
        Handovers.await(
                () -> done(dossier),
                Duration.ofSeconds(20),
                () -> "the notice to be sent; agency saw " + AGENCY.received().size());
        List<RecordedRequest> received = AGENCY.received().stream()
                .filter(r -> "HTTP-1".equals(r.getHeaders().get("Idempotency-Key")))
                .toList();
        assertThat(received.stream().map(r -> r.getBody().utf8()).distinct()).hasSize(1); // every retry the same bytes
        assertThat(received).hasSize(4).allSatisfy(r -> {
            assertThat(r.getUrl().encodedPath()).isEqualTo("/notices");
            assertThat(r.getHeaders().get("Idempotency-Key")).isEqualTo("HTTP-1");
            String sent = r.getBody().utf8();
            assertThat(JSON.readTree(sent)).isEqualTo(JSON.readTree(body));
            assertThat(r.getHeaders().get("X-Dossierpost-Signature"))
                    .isEqualTo(vn.dossierpost.integration.Signatures.sign(
                            sent.getBytes(StandardCharsets.UTF_8), Handovers.SECRET));
        });
        assertThat(lastError(dossier)).isNull();
    }

    @Test
    void aRefusalByTheAgencyIsGivenUpAndKept() {
        AGENCY.reset();
        AGENCY.then(400, "{\"message\":\"unknown dossier\"}");
        long dossier = newDossier();
        enqueue(dossier, Dossiers.AGENCY, notice("HTTP-2", "RESULT_RETURNED"));
        Handovers.await(() -> done(dossier), Duration.ofSeconds(20), () -> "the notice to be given up");
        assertThat(AGENCY.received().stream()
                        .filter(r -> "HTTP-2".equals(r.getHeaders().get("Idempotency-Key"))))
                .hasSize(1);
        assertThat(lastError(dossier)).contains("HTTP 400").contains("unknown dossier");
        assertThat(((Number) APP.healthCheck("handover-backlog").get("agencyNoticesGivenUp")).intValue())
                .isGreaterThanOrEqualTo(1);

        // given up, not silent: the check stays unhealthy until a supervisor has seen it
        assertThat(APP.healthCheck("given-up")).containsEntry("healthy", false);
        Map<String, Object> item = GivenUp.item(APP, "supervisor", "AGENCY_NOTICE", "notice to " + Dossiers.AGENCY);
        assertThat((String) item.get("lastError")).contains("HTTP 400").contains("unknown dossier");
        GivenUp.acknowledge(APP, "supervisor", item);
        assertThat(GivenUp.listed(APP, "supervisor", false))
                .noneMatch(i -> i.get("id").equals(item.get("id")));
        assertThat(GivenUp.listed(APP, "supervisor", true))
                .anySatisfy(i -> assertThat(i)
                        .containsEntry("id", item.get("id"))
                        .containsEntry("acknowledgedBy", "supervisor"));
    }

    @Test
    void byFileDropANoticeIsAJsonLinesFileWithItsDoneFile() throws Exception {
        long dossier = newDossier();
        String body = notice("DROP-1", "RESULT_DELIVERED");
        enqueue(dossier, DROP_AGENCY, body);
        Handovers.await(() -> done(dossier), Duration.ofSeconds(20), () -> "the notice to be dropped");
        long id = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM outbox WHERE kind = 'AGENCY_NOTICE' AND dossier_id = :d")
                        .bind("d", dossier)
                        .mapTo(Long.class)
                        .one());
        Path file = dropDir.resolve("notice-" + id + ".jsonl");
        assertThat(dropDir.resolve("notice-" + id + ".jsonl.ready")).exists();
        String line = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        assertThat(JSON.readTree(line)).isEqualTo(JSON.readTree(body));
        try (Stream<Path> s = Files.list(dropDir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".part-"));
        }
    }

    @Test
    void oneNoticeOfATypePerDossier() {
        long dossier = newDossier();
        enqueue(dossier, DROP_AGENCY, notice("DROP-3", "RESULT_DELIVERED"));
        enqueue(dossier, DROP_AGENCY, notice("DROP-3", "RESULT_DELIVERED"));
        int notices = APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM outbox WHERE kind = 'AGENCY_NOTICE' " + "AND dossier_id = :d")
                        .bind("d", dossier)
                        .mapTo(Integer.class)
                        .one());
        assertThat(notices).isEqualTo(1);
    }

    static String notice(String id, String type) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"dossierCode\":\"000.00.15.H26-261122-0001\","
                + "\"returnS10Number\":\"EH000000019VN\",\"note\":\"Người nhận: Nguyễn Thị Hồng Nhung\"}";
    }

    static long newDossier() {
        String code = (String) TestApp.json(APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapTo(Long.class)
                        .one());
    }

    static void enqueue(long dossier, String agency, String body) {
        APP.jdbi().useExtension(OutboxDAO.class, dao -> dao.enqueueNotice(dossier, agency, body, OffsetDateTime.now()));
    }

    static boolean done(long dossier) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT done_at IS NOT NULL FROM outbox WHERE kind = 'AGENCY_NOTICE' "
                                + "AND dossier_id = :d")
                        .bind("d", dossier)
                        .mapTo(Boolean.class)
                        .one());
    }

    static String lastError(long dossier) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT last_error FROM outbox WHERE kind = 'AGENCY_NOTICE' AND dossier_id = :d")
                        .bind("d", dossier)
                        .mapTo(String.class)
                        .one());
    }
}
