package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.InboxFiles;
import vn.dossierpost.support.ProjectionParity;
import vn.dossierpost.support.ScriptedAgency;
import vn.dossierpost.support.TestApp;

/**
 * Agencies report what became of the dossiers handed to them, over HTTP with their token and as
 * JSON Lines files in their inbox folder: each event type, idempotency on the event id, stale events
 * kept without moving the dossier back, and the illegal cases.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AgencyEventsTest {
    static final TestApp APP = new TestApp(io.dropwizard.testing.ConfigOverride.config("limits.maxInboxFile", "64KB"));
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> EXT = APP.extension();
    static final String CLERK = "clerk.hn";
    static final ScriptedAgency AGENCY = new ScriptedAgency();
    static MockWebServer server;
    static String token;
    static String otherToken;
    static Path inbox;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        token = APP.addTokenUser("stp-hanoi", Role.AGENCY, null, Dossiers.AGENCY);
        otherToken = APP.addTokenUser("stp-hcm", Role.AGENCY, null, "000.00.15.H29");
        server = new MockWebServer();
        server.setDispatcher(AGENCY);
        server.start();
        inbox = Files.createDirectories(TestApp.newDataDir().resolve("hop-thu"));
        Handovers.configure(
                APP,
                "admin",
                Dossiers.AGENCY,
                Map.of("channel", "HTTP", "baseUrl", server.url("/").toString(), "inboxDir", inbox.toString()));
    }

    @AfterAll
    static void tearDown() {
        server.close();
        ProjectionParity.check(APP); // every dossier's public answer, as the timeline would give it
    }

    static String delivered(int seed) {
        String code = Handovers.digitised(APP, CLERK, seed);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        return code;
    }

    static Response send(String bearer, Map<String, Object> event) {
        return EXT.client()
                .target(APP.url("/api/agency/events"))
                .request()
                .header("Authorization", "Bearer " + bearer)
                .post(Entity.entity(event, MediaType.APPLICATION_JSON_TYPE));
    }

    static Map<String, Object> event(String id, String code, String type, Object... more) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", id);
        e.put("dossierCode", code);
        e.put("type", type);
        e.put("at", "2026-11-24T10:00:00+07:00");
        for (int i = 0; i < more.length; i += 2) {
            e.put((String) more[i], more[i + 1]);
        }
        return e;
    }

    record Answer(int status, Map<String, Object> body) {}

    static Answer post(String bearer, Map<String, Object> event) {
        try (Response r = send(bearer, event)) {
            return new Answer(r.getStatus(), TestApp.json(r));
        }
    }

    @Test
    void eachEventMovesTheDossierForwardAndLateOnesAreKeptWithoutMovingIt() {
        String code = delivered(31);
        Answer received = post(token, event("ev-1", code, "RECEIVED"));
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.body()).containsEntry("outcome", "STALE").containsEntry("status", "DELIVERED_TO_AGENCY");

        Answer processing = post(token, event("ev-2", code, "IN_PROCESSING"));
        assertThat(processing.body())
                .containsEntry("outcome", "APPLIED")
                .containsEntry("status", "IN_PROCESSING")
                .containsEntry("portalStatus", 4);

        LocalDate newAppointment = resultDue(code).plusWeeks(2);
        Answer delayed = post(
                token,
                event(
                        "ev-3",
                        code,
                        "DELAYED",
                        "newAppointmentDate",
                        newAppointment.toString(),
                        "reason",
                        "Chờ xác minh của Công an tỉnh"));
        assertThat(delayed.body()).containsEntry("outcome", "APPLIED").containsEntry("status", "IN_PROCESSING");
        assertThat(resultDue(code)).isEqualTo(newAppointment);

        Answer again = post(
                token,
                event(
                        "ev-4",
                        code,
                        "DELAYED",
                        "newAppointmentDate",
                        newAppointment.plusWeeks(2).toString()));
        assertThat(again.status()).isEqualTo(409);
        assertThat((String) again.body().get("message")).contains("only one rescheduling");
        assertThat(resultDue(code)).as("unchanged by the refused rescheduling").isEqualTo(newAppointment);

        Answer ready = post(token, event("ev-5", code, "RESULT_READY", "resultReference", "PLLTP-2026-000123"));
        assertThat(ready.body())
                .containsEntry("outcome", "APPLIED")
                .containsEntry("status", "RESULT_READY")
                .containsEntry("portalStatus", 9);

        Answer late = post(token, event("ev-6", code, "IN_PROCESSING"));
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.body()).containsEntry("outcome", "STALE").containsEntry("status", "RESULT_READY");
        assertThat(Handovers.status(APP, code)).isEqualTo("RESULT_READY");

        assertThat(Handovers.eventTypes(APP, code))
                .containsSubsequence(
                        "DELIVERED_TO_AGENCY",
                        "AGENCY_RECEIVED",
                        "IN_PROCESSING",
                        "DELAYED",
                        "AGENCY_DELAYED",
                        "RESULT_READY",
                        "AGENCY_IN_PROCESSING");
        String reference = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT result_reference FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapTo(String.class)
                        .one());
        assertThat(reference).isEqualTo("PLLTP-2026-000123");
    }

    @Test
    void aResentEventChangesNothingAndGetsTheFirstAnswer() {
        String code = delivered(32);
        Answer first = post(
                token,
                event(
                        "lan-1",
                        code,
                        "SUPPLEMENT_REQUESTED",
                        "reason",
                        "Thiếu bản sao sổ hộ khẩu",
                        "missingItems",
                        List.of("Bản sao sổ hộ khẩu có chứng thực")));
        assertThat(first.body()).containsEntry("outcome", "APPLIED").containsEntry("status", "SUPPLEMENT_REQUESTED");
        int events = Handovers.eventTypes(APP, code).size();
        Answer second = post(token, event("lan-1", code, "SUPPLEMENT_REQUESTED", "reason", "Thiếu bản sao sổ hộ khẩu"));
        assertThat(second).isEqualTo(first);
        assertThat(Handovers.eventTypes(APP, code)).hasSize(events);
        String note = APP.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT e.note FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id "
                                        + "WHERE d.code = :c AND e.type = 'SUPPLEMENT_REQUESTED'")
                                .bind("c", code)
                                .mapTo(String.class)
                                .one());
        assertThat(note).isEqualTo("Thiếu bản sao sổ hộ khẩu");
    }

    @Test
    void refusalNeedsAReason() {
        String code = delivered(33);
        Answer missing = post(token, event("tu-choi-1", code, "REFUSED"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().toString()).contains("reason");
        Answer refused =
                post(token, event("tu-choi-2", code, "REFUSED", "reason", "Không thuộc thẩm quyền giải quyết"));
        assertThat(refused.body()).containsEntry("status", "REFUSED").containsEntry("portalStatus", 3);
        Answer contradiction = post(token, event("tu-choi-3", code, "RESULT_READY", "resultReference", "X-1"));
        assertThat(contradiction.status()).isEqualTo(409);
        // the applicant is told, by SMS, with the reason (written in the same transaction, sent by the route)
        List<String> sms = APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT n.kind || ': ' || n.body FROM notification n "
                                        + "JOIN dossier d ON d.id = n.dossier_id WHERE d.code = :c AND n.channel = 'SMS' ORDER BY n.id")
                        .bind("c", code)
                        .mapTo(String.class)
                        .list());
        assertThat(sms).hasSize(3);
        assertThat(sms.get(0)).startsWith("RECEIVED").contains(code);
        assertThat(sms.get(1)).startsWith("DELIVERED_TO_AGENCY");
        assertThat(sms.get(2)).startsWith("REFUSED").contains(code).containsIgnoringCase("Khong thuoc tham quyen");
    }

    @Test
    void anAgencyActsOnlyOnDossiersHandedToIt() {
        String code = delivered(34);
        assertThat(post(otherToken, event("hcm-1", code, "IN_PROCESSING")).status())
                .as("another agency")
                .isEqualTo(404);
        String notYet = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT code FROM dossier WHERE status = 'RECEIVED' LIMIT 1")
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null));
        String received = notYet != null ? notYet : takeInOnly();
        assertThat(post(token, event("chua-giao-1", received, "IN_PROCESSING")).status())
                .as("not handed over yet")
                .isEqualTo(404);
        assertThat(post(token, event("khong-co-1", "000.00.15.H26-991231-9999", "RECEIVED"))
                        .status())
                .isEqualTo(404);
        try (Response noToken = EXT.client()
                .target(APP.url("/api/agency/events"))
                .request()
                .post(Entity.entity(event("x", code, "RECEIVED"), MediaType.APPLICATION_JSON_TYPE))) {
            assertThat(noToken.getStatus()).isEqualTo(401);
        }
    }

    @Test
    void resultReadyForADossierTheAgencyHasNotAcknowledgedIsAConflict() {
        // the agency holds the request past the read timeout (2 s in test-config.yml): the dossier stays in transit
        // meanwhile
        AGENCY.then(new MockResponse.Builder()
                .code(201)
                .headersDelay(3, TimeUnit.SECONDS)
                .body("{}")
                .build());
        String code = Handovers.digitised(APP, CLERK, 35);
        Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
        Answer early = post(token, event("som-1", code, "RESULT_READY", "resultReference", "KQ-1"));
        assertThat(early.status()).isEqualTo(409);
        assertThat((String) early.body().get("message")).contains("IN_TRANSIT_TO_AGENCY");
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
    }

    @Test
    void anInboxFileAppliesItsGoodLinesAndReportsTheOthers() throws IOException {
        String code = delivered(36);
        String lines = String.join(
                "\n",
                "{\"eventId\": \"f-1\", \"dossierCode\": \"" + code + "\", \"type\": \"IN_PROCESSING\"}",
                "{ day la dong hong",
                "{\"eventId\": \"f-3\", \"dossierCode\": \"" + code + "\", \"type\": \"REFUSED\"}",
                "{\"eventId\": \"f-4\", \"dossierCode\": \"000.00.15.H26-991231-9998\", \"type\": \"RECEIVED\"}",
                "");
        InboxFiles.drop(inbox, "su-kien-1.jsonl", lines);
        Path error = inbox.resolve(".failed/su-kien-1.jsonl.error.txt");
        Handovers.await(() -> Files.exists(error), Duration.ofSeconds(10), () -> error.toString());
        String report = Files.readString(error, StandardCharsets.UTF_8);
        assertThat(report)
                .contains("1 lines applied")
                .contains("line 2: not a JSON event")
                .contains("line 3: reason")
                .contains("line 4: not found: no dossier")
                .doesNotContain("line 1:");
        assertThat(Handovers.status(APP, code)).isEqualTo("IN_PROCESSING");

        InboxFiles.drop(
                inbox,
                "su-kien-2.jsonl",
                "{\"eventId\": \"f-5\", \"dossierCode\": \"" + code
                        + "\", \"type\": \"RESULT_READY\", \"resultReference\": \"KQ-2026-77\"}\n");
        Handovers.await(
                () -> Files.exists(inbox.resolve(".done/su-kien-2.jsonl")), Duration.ofSeconds(10), () -> "file done");
        assertThat(Handovers.status(APP, code)).isEqualTo("RESULT_READY");
    }

    @Test
    void anUnsignedOrWronglySignedEventFileIsRefusedWholeAndNothingIsApplied() throws IOException {
        String code = delivered(38);
        String refusal = "{\"eventId\": \"gia-1\", \"dossierCode\": \"" + code
                + "\", \"type\": \"REFUSED\", \"reason\": \"Hồ sơ giả mạo\"}\n";
        InboxFiles.dropWithDoneFile(inbox, "gia-mao-1.jsonl", refusal.getBytes(StandardCharsets.UTF_8), "");
        InboxFiles.drop(inbox, "gia-mao-2.jsonl", refusal, "khoa-bi-mat-cua-nguoi-khac-2026");
        InboxFiles.dropWithDoneFile(
                inbox, "gia-mao-3.jsonl", refusal.getBytes(StandardCharsets.UTF_8), "sha256=" + "0".repeat(64));
        for (String name : List.of("gia-mao-1.jsonl", "gia-mao-2.jsonl", "gia-mao-3.jsonl")) {
            Path error = inbox.resolve(".failed/" + name + ".error.txt");
            Handovers.await(() -> Files.exists(error), Duration.ofSeconds(10), () -> error.toString());
            assertThat(Files.readString(error, StandardCharsets.UTF_8))
                    .as(name)
                    .contains(name.equals("gia-mao-1.jsonl") ? "unsigned" : "wrong signature")
                    .contains("sha256=<hex HMAC-SHA256 of the file with the agency's secret>")
                    .contains("nothing applied");
            Handovers.await(() -> Files.exists(inbox.resolve(".failed/" + name)), Duration.ofSeconds(10), () -> name);
        }
        assertThat(Handovers.status(APP, code)).isEqualTo("DELIVERED_TO_AGENCY");
        assertThat(Handovers.eventTypes(APP, code)).doesNotContain("REFUSED");
        int stored = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM agency_event WHERE event_id = 'gia-1'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(stored).isZero();

        // the same line signed with the agency's secret is applied
        InboxFiles.drop(inbox, "that-1.jsonl", refusal);
        Handovers.await(
                () -> Files.exists(inbox.resolve(".done/that-1.jsonl")), Duration.ofSeconds(10), () -> "file done");
        assertThat(Handovers.status(APP, code)).isEqualTo("REFUSED");
    }

    @Test
    void anInboxFileOverTheLimitIsNotReadAndGoesToFailedWithTheReason() throws IOException {
        String code = delivered(40);
        String line = "{\"eventId\": \"lon-1\", \"dossierCode\": \"" + code + "\", \"type\": \"IN_PROCESSING\"}\n";
        // the event is good, repeated past limits.maxInboxFile (64 KB here)
        Files.writeString(inbox.resolve("lon.jsonl"), line.repeat(70_000 / line.length() + 1), StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("lon.jsonl.ready"), "");
        Path error = inbox.resolve(".failed/lon.jsonl.error.txt");
        Handovers.await(() -> Files.exists(error), Duration.ofSeconds(10), () -> error.toString());
        assertThat(Files.readString(error, StandardCharsets.UTF_8))
                .contains("larger than the limit")
                .contains("limits.maxInboxFile");
        assertThat(Handovers.status(APP, code)).isEqualTo("DELIVERED_TO_AGENCY");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSyncViewGivesTheAgencysDossiersChangedSinceWithPortalStatuses() {
        String code = delivered(37);
        post(token, event("dong-bo-1", code, "IN_PROCESSING"));
        Map<String, Object> page = sync(token, "");
        List<Map<String, Object>> dossiers = (List<Map<String, Object>>) page.get("dossiers");
        assertThat(dossiers).anySatisfy(d -> {
            assertThat(d.get("dossierCode")).isEqualTo(code);
            assertThat(d.get("status")).isEqualTo("IN_PROCESSING");
            assertThat(d.get("portalStatus")).isEqualTo(4);
            assertThat(d.get("intakeChannel")).isEqualTo(3);
            assertThat(d.get("statusVi")).isEqualTo("Cơ quan đang giải quyết");
        });
        assertThat(dossiers).extracting(d -> d.get("status")).doesNotContain("RECEIVED", "DIGITISED");
        Map<String, Object> next = (Map<String, Object>) page.get("next");
        Map<String, Object> after = sync(
                token,
                "&since=" + java.net.URLEncoder.encode((String) next.get("since"), StandardCharsets.UTF_8) + "&afterId="
                        + next.get("afterId"));
        assertThat((List<?>) after.get("dossiers"))
                .as("nothing changed since the last page")
                .isEmpty();

        post(token, event("dong-bo-2", code, "RESULT_READY", "resultReference", "KQ-9"));
        Map<String, Object> changed = sync(
                token,
                "&since=" + java.net.URLEncoder.encode((String) next.get("since"), StandardCharsets.UTF_8) + "&afterId="
                        + next.get("afterId"));
        assertThat((List<Map<String, Object>>) changed.get("dossiers"))
                .singleElement()
                .satisfies(d -> assertThat(d.get("portalStatus")).isEqualTo(9));
        assertThat((List<Map<String, Object>>) sync(otherToken, "").get("dossiers"))
                .noneMatch(d -> code.equals(d.get("dossierCode")));
        try (Response bad = EXT.client()
                .target(APP.url("/api/agency/dossiers?since=hom-qua"))
                .request()
                .header("Authorization", "Bearer " + token)
                .get()) {
            assertThat(bad.getStatus()).isEqualTo(422);
            assertThat(TestApp.json(bad).toString()).contains("since");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void overdueDossiersAreListedWithTheLegWhoseClockRanOut() {
        APP.addUser("giam-sat", Role.SUPERVISOR, null, null);
        String code = delivered(38);
        APP.jdbi().useHandle(h -> h.execute("UPDATE dossier SET result_due = current_date - 3 WHERE code = ?", code));
        try (Response r =
                APP.as("giam-sat", "/api/dossiers?overdue=true&limit=500").get()) {
            List<Map<String, Object>> dossiers =
                    (List<Map<String, Object>>) TestApp.json(r).get("items");
            assertThat(dossiers)
                    .filteredOn(d -> code.equals(d.get("code")))
                    .singleElement()
                    .satisfies(d -> {
                        Map<String, Object> clock = (Map<String, Object>) d.get("clock");
                        assertThat(clock)
                                .containsEntry("stage", "AT_AGENCY")
                                .containsEntry("holder", "AGENCY")
                                .containsEntry("overdue", true);
                    });
        }
        post(token, event("bo-sung-qua-han", code, "SUPPLEMENT_REQUESTED", "reason", "Thiếu ảnh 4x6"));
        try (Response r =
                APP.as("giam-sat", "/api/dossiers?overdue=true&limit=500").get()) {
            List<Map<String, Object>> dossiers =
                    (List<Map<String, Object>>) TestApp.json(r).get("items");
            assertThat(dossiers)
                    .as("the applicant holds it now; no clock runs")
                    .noneMatch(d -> code.equals(d.get("code")));
        }
        // a yes/no that is neither is refused, not read as "no" (which would list every dossier)
        for (String query :
                List.of("/api/dossiers?overdue=maybe", "/api/dossiers?overdue=1", "/api/given-up?all=yes")) {
            try (Response r = APP.as("giam-sat", query).get()) {
                Map<String, Object> body = TestApp.json(r);
                assertThat(r.getStatus()).as(query).isEqualTo(422);
                assertThat(body.toString()).as(query).contains("must be true or false");
            }
        }
        try (Response r =
                APP.as("giam-sat", "/api/dossiers?overdue=TRUE&limit=1").get()) {
            assertThat(r.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aSupplementGoesBackInANewHandoverAndRestartsTheAgencysClock() {
        String code = delivered(39);
        LocalDate before = resultDue(code);
        post(
                token,
                event(
                        "bs-1",
                        code,
                        "SUPPLEMENT_REQUESTED",
                        "reason",
                        "Thiếu bản sao giấy khai sinh",
                        "missingItems",
                        List.of("Bản sao giấy khai sinh")));
        try (Response none = APP.post(CLERK, "/api/dossiers/" + code + "/supplements", Map.of("note", "bổ sung"))) {
            assertThat(none.getStatus()).as("nothing scanned yet").isEqualTo(422);
            assertThat(TestApp.json(none).toString()).contains("files");
        }
        // a second document scanned on its own, then both sent together; completing twice queues the dossier once
        assertThat(TestApp.status(APP.upload(
                        CLERK,
                        code,
                        "GIAY_TO_TUY_THAN",
                        vn.dossierpost.support.Multipart.file(
                                "cccd mới.png", "image/png", vn.dossierpost.support.Scans.png(391)))))
                .isEqualTo(201);
        int requestsBefore = AGENCY.received().size();
        // the scans in the same request as the supplement
        try (Response done = APP.as(CLERK, "/api/dossiers/" + code + "/supplements?component=TO_KHAI&note=bo-sung")
                .post(vn.dossierpost.support.Multipart.file(
                                "giấy khai sinh.pdf", "application/pdf", vn.dossierpost.support.Scans.pdf(1))
                        .entity())) {
            assertThat(done.getStatus()).isEqualTo(200);
        }
        try (Response twice = APP.post(CLERK, "/api/dossiers/" + code + "/supplements", Map.of())) {
            assertThat(twice.getStatus())
                    .as("still waiting for its handover, or already on its way")
                    .isIn(200, 409);
        }
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        List<String> handovers = Handovers.handoversOf(APP, code);
        assertThat(handovers).hasSize(2).doesNotHaveDuplicates();
        assertThat(AGENCY.received().subList(requestsBefore, AGENCY.received().size()))
                .extracting(r -> r.getHeaders().get("Idempotency-Key"))
                .contains(code + "/" + handovers.get(1));
        assertThat(Handovers.eventTypes(APP, code))
                .containsSubsequence(
                        "SUPPLEMENT_REQUESTED",
                        "FILE_ADDED",
                        "SUPPLEMENT_RECEIVED",
                        "IN_TRANSIT_TO_AGENCY",
                        "DELIVERED_TO_AGENCY");
        // filed again on Monday 23 Nov 2026 at 08:30 (the scripted agency's receipt): the processing time counts from
        // there
        assertThat(resultDue(code)).isNotEqualTo(before).isAfter(LocalDate.of(2026, 11, 23));
        try (Response again = APP.post(CLERK, "/api/dossiers/" + code + "/supplements", Map.of())) {
            assertThat(again.getStatus()).isEqualTo(409);
        }
    }

    private static Map<String, Object> sync(String bearer, String query) {
        try (Response r = EXT.client()
                .target(APP.url("/api/agency/dossiers?limit=1000" + query))
                .request()
                .header("Authorization", "Bearer " + bearer)
                .get()) {
            assertThat(r.getStatus()).isEqualTo(200);
            return TestApp.json(r);
        }
    }

    private static String takeInOnly() {
        try (Response res = APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord())) {
            return (String) TestApp.json(res).get("code");
        }
    }

    private static LocalDate resultDue(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT result_due FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapTo(LocalDate.class)
                        .one());
    }
}
