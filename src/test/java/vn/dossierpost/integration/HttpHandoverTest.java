package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.Scans.sha256;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.GivenUp;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.ScriptedAgency;
import vn.dossierpost.support.TestApp;

/**
 * Handover over HTTP to a real HTTP server (MockWebServer) answering as the contract allows: 201,
 * 409, 400, 500 then 201, no answer in time then 201. The server side checks what a real agency
 * would: the signature of the manifest, every file against its SHA-256, the idempotency key.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HttpHandoverTest {
    static final TestApp APP = new TestApp();
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> EXT = APP.extension();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CLERK = "clerk.hn";
    static final ScriptedAgency AGENCY = new ScriptedAgency();
    static MockWebServer server;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        server = new MockWebServer();
        server.setDispatcher(AGENCY);
        server.start();
        Handovers.http(APP, "admin", Dossiers.AGENCY, server.url("/mot-cua/api").toString());
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @BeforeEach
    void freshScript() {
        AGENCY.reset();
    }

    @Test
    void deliveredOn201WithTheReceiptAndTheFilingTime() throws Exception {
        AGENCY.then(
                201, "{\"receiptNumber\":\"000.00.15.H26-261123-0042\",\"receivedAt\":\"2026-11-23T09:15:00+07:00\"}");
        String code = Handovers.digitised(APP, CLERK, 1);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");

        List<RecordedRequest> requests = AGENCY.received();
        assertThat(requests).hasSize(1);
        RecordedRequest request = requests.get(0);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/mot-cua/api/dossiers");
        String handoverNo = Handovers.handoversOf(APP, code).get(0);
        assertThat(handoverNo).matches("BG\\d{6}-\\d{6}");
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo(code + "/" + handoverNo);

        Parts parts = Parts.of(request);
        assertThat(request.getHeaders().get("X-Dossierpost-Signature"))
                .isEqualTo("sha256=" + hmac(parts.manifest, Handovers.SECRET));
        JsonNode manifest = JSON.readTree(parts.manifest);
        assertThat(manifest.get("dossierCode").asText()).isEqualTo(code);
        assertThat(manifest.get("handoverNo").asText()).isEqualTo(handoverNo);
        assertThat(manifest.at("/applicant/name").asText()).isEqualTo(Dossiers.NAME);
        assertThat(manifest.at("/procedure/code").asText()).isEqualTo(Dossiers.PROCEDURE);
        assertThat(manifest.at("/applicant/citizenId").asText()).isEqualTo(Dossiers.CITIZEN_ID);
        assertThat(manifest.at("/applicant/idType").asText()).isEqualTo("CCCD");
        assertThat(manifest.has("filer"))
                .as("no filer when the applicant filed")
                .isFalse();
        int files = 0;
        for (JsonNode component : manifest.get("components")) {
            for (JsonNode file : component.get("files")) {
                files++;
                byte[] content = parts.files.get(file.get("path").asText());
                assertThat(content).as("part for %s", file.get("path")).isNotNull();
                assertThat(content.length).isEqualTo(file.get("size").asLong());
                assertThat(sha256(content)).isEqualTo(file.get("sha256").asText());
            }
        }
        assertThat(files).isEqualTo(2);
        assertThat(parts.fileNames).contains("tờ khai lý lịch.pdf", "căn cước.png");
        assertThat(parts.files).hasSize(files);

        Map<String, Object> dossier = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT filed_at, agency_receipt_number FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapToMap()
                        .one());
        assertThat(((java.sql.Timestamp) dossier.get("filed_at")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-23T09:15:00+07:00").toInstant());
        assertThat(dossier.get("agency_receipt_number")).isEqualTo("000.00.15.H26-261123-0042");
        assertThat(Handovers.eventTypes(APP, code))
                .containsSubsequence("DIGITISED", "IN_TRANSIT_TO_AGENCY", "DELIVERED_TO_AGENCY");

        Handovers.await(
                () -> "DELIVERED".equals(Handovers.handoverState(APP, handoverNo)),
                java.time.Duration.ofSeconds(10),
                () -> "handover delivered");
        Map<String, Object> view = TestApp.json(
                APP.as("supervisor", "/api/handovers/" + handoverNo).get());
        assertThat(view.get("state")).isEqualTo("DELIVERED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) view.get("items");
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.get("dossierCode")).isEqualTo(code);
            assertThat(i.get("receiptNumber")).isEqualTo("000.00.15.H26-261123-0042");
            assertThat(i.get("files")).isEqualTo(2);
        });
        try (Response pdf = APP.as("supervisor", "/api/handovers/" + handoverNo + "/record.pdf")
                .get()) {
            assertThat(pdf.getStatus()).isEqualTo(200);
            assertThat(pdf.getMediaType().toString()).isEqualTo("application/pdf");
            assertThat(new String(pdf.readEntity(byte[].class), 0, 5, StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
        }
        Map<String, Object> track =
                TestApp.json(APP.as("supervisor", "/api/track/" + code).get());
        assertThat(track.get("status")).isEqualTo("DELIVERED_TO_AGENCY");
        // the clerk answering the applicant reads the receipt on the dossier itself
        @SuppressWarnings("unchecked")
        Map<String, Object> handover = (Map<String, Object>)
                TestApp.json(APP.as(CLERK, "/api/dossiers/" + code).get()).get("handover");
        assertThat(handover)
                .containsEntry("no", handoverNo)
                .containsEntry("state", "DELIVERED")
                .containsEntry("receiptNumber", "000.00.15.H26-261123-0042")
                .containsEntry("filedAt", "2026-11-23T09:15:00+07:00");
    }

    @Test
    void theManifestNamesWhoFiledForTheApplicantAndTheAuthorisation() throws Exception {
        AGENCY.then(
                201, "{\"receiptNumber\":\"000.00.15.H26-261123-0043\",\"receivedAt\":\"2026-11-23T09:20:00+07:00\"}");
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put(
                "filer",
                Map.of(
                        "fullName", "Trần Thị Mai",
                        "idType", "PASSPORT",
                        "idNumber", "C7654321",
                        "relation", "con",
                        "authorisation", "Giấy ủy quyền số 88/2026 ngày 20/11/2026"));
        Dossiers.components(body)
                .add(new java.util.HashMap<>(Map.of("code", "VAN_BAN_UY_QUYEN", "form", "ORIGINAL", "pages", 1)));
        String code = Handovers.digitised(APP, CLERK, 2, body);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");

        JsonNode manifest = JSON.readTree(Parts.of(AGENCY.received().get(0)).manifest);
        assertThat(manifest.at("/filer/name").asText()).isEqualTo("Trần Thị Mai");
        assertThat(manifest.at("/filer/idType").asText()).isEqualTo("PASSPORT");
        assertThat(manifest.at("/filer/idNumber").asText()).isEqualTo("C7654321");
        assertThat(manifest.at("/filer/relation").asText()).isEqualTo("con");
        assertThat(manifest.at("/filer/authorisation").asText()).isEqualTo("Giấy ủy quyền số 88/2026 ngày 20/11/2026");
        List<String> components = new java.util.ArrayList<>();
        manifest.get("components").forEach(c -> components.add(c.get("code").asText()));
        assertThat(components).contains("VAN_BAN_UY_QUYEN");
    }

    @Test
    void conflictMeansTheAgencyAlreadyHasIt() {
        AGENCY.then(409, "");
        String code = Handovers.digitised(APP, CLERK, 2);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        assertThat(AGENCY.received()).hasSize(1);
        assertThat(Handovers.eventTypes(APP, code)).containsOnlyOnce("DELIVERED_TO_AGENCY");
    }

    @Test
    void badRequestIsADeadLetterUntilASupervisorSendsItAgainUnderTheSameKey() {
        AGENCY.then(400, "{\"message\":\"manifest.applicant.citizenId: unknown format\"}");
        String code = Handovers.digitised(APP, CLERK, 3);
        String handoverNo = awaitHandover(code);
        Handovers.await(
                () -> "FAILED".equals(Handovers.handoverState(APP, handoverNo)),
                java.time.Duration.ofSeconds(20),
                () -> "dead letter");
        assertThat(Handovers.status(APP, code)).isEqualTo("IN_TRANSIT_TO_AGENCY");
        assertThat(Handovers.eventTypes(APP, code)).endsWith("HANDOVER_FAILED");

        Map<String, Object> failed =
                TestApp.json(APP.as("supervisor", "/api/handovers?state=FAILED").get());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) failed.get("handovers");
        assertThat(list).anySatisfy(h -> {
            assertThat(h.get("no")).isEqualTo(handoverNo);
            assertThat((String) h.get("lastError")).contains("HTTP 400").contains("citizenId");
        });
        // a dead letter is given up: listed for supervisors with its error, the check unhealthy
        assertThat(APP.healthCheck("given-up")).containsEntry("healthy", false);
        assertThat((String) GivenUp.item(APP, "supervisor", "HANDOVER", "handover " + handoverNo)
                        .get("lastError"))
                .contains("citizenId");
        assertThat(TestApp.status(
                        APP.as(CLERK, "/api/handovers/" + handoverNo + "/retry").post(Entity.json("{}"))))
                .as("a clerk may not resend")
                .isEqualTo(403);

        Map<String, Object> retried = TestApp.json(
                APP.as("supervisor", "/api/handovers/" + handoverNo + "/retry").post(Entity.json("{}")));
        assertThat(retried.get("state")).isEqualTo("SENDING");
        assertThat(GivenUp.listed(APP, "supervisor", true))
                .as("sent again, it is no longer given up")
                .noneMatch(i -> ("handover " + handoverNo).equals(i.get("about")));
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        assertThat(AGENCY.received())
                .hasSize(2)
                .extracting(r -> r.getHeaders().get("Idempotency-Key"))
                .containsOnly(code + "/" + handoverNo);
        try (Response again =
                APP.as("supervisor", "/api/handovers/" + handoverNo + "/retry").post(Entity.json("{}"))) {
            assertThat(again.getStatus()).isEqualTo(409);
            assertThat(TestApp.json(again).get("message").toString()).contains("only a FAILED handover");
        }
    }

    @Test
    void serverErrorIsRetriedWithTheSameKey() {
        AGENCY.then(500, "{\"message\":\"database unavailable\"}").then(503, "");
        String code = Handovers.digitised(APP, CLERK, 4);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        List<RecordedRequest> requests = AGENCY.received();
        assertThat(requests).hasSize(3);
        assertThat(requests)
                .extracting(r -> r.getHeaders().get("Idempotency-Key"))
                .containsOnly(requests.get(0).getHeaders().get("Idempotency-Key"));
        assertThat(Handovers.eventTypes(APP, code)).containsOnlyOnce("DELIVERED_TO_AGENCY");
    }

    @Test
    void noAnswerInTimeIsRetriedWithTheSameKey() {
        // the read timeout in test-config.yml is 2 s
        AGENCY.then(new MockResponse.Builder()
                .code(201)
                .headersDelay(3, TimeUnit.SECONDS)
                .body("{\"receiptNumber\":\"TN-late\",\"receivedAt\":\"2026-11-23T08:00:00+07:00\"}")
                .build());
        String code = Handovers.digitised(APP, CLERK, 5);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        List<RecordedRequest> requests = AGENCY.received();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeaders().get("Idempotency-Key"))
                .isEqualTo(requests.get(0).getHeaders().get("Idempotency-Key"));
        String lastError = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT h.last_error FROM handover h JOIN handover_item i "
                                + "ON i.handover_id = h.id JOIN dossier d ON d.id = i.dossier_id WHERE d.code = :c")
                        .bind("c", code)
                        .mapTo(String.class)
                        .one());
        assertThat(lastError).as("cleared once delivered").isNull();
    }

    private static String awaitHandover(String code) {
        Handovers.await(
                () -> !Handovers.handoversOf(APP, code).isEmpty(),
                java.time.Duration.ofSeconds(10),
                () -> "a handover of " + code);
        return Handovers.handoversOf(APP, code).get(0);
    }

    static String hmac(byte[] content, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(content));
    }

    /** The multipart body of a handover request, read with OkHttp's own multipart reader. */
    record Parts(byte[] manifest, Map<String, byte[]> files, List<String> fileNames) {
        static Parts of(RecordedRequest request) throws Exception {
            String boundary =
                    MediaType.get(request.getHeaders().get("Content-Type")).parameter("boundary");
            byte[] manifest = null;
            Map<String, byte[]> files = new HashMap<>();
            List<String> names = new java.util.ArrayList<>();
            try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
                MultipartReader.Part part;
                while ((part = reader.nextPart()) != null) {
                    String disposition = part.headers().get("Content-Disposition");
                    String name = disposition.replaceAll(".*; name=\"([^\"]*)\".*", "$1");
                    byte[] bytes = part.body().readByteArray();
                    if (name.equals("manifest")) {
                        manifest = bytes;
                    } else {
                        files.put(name, bytes);
                        names.add(disposition.replaceAll(".*filename=\"([^\"]*)\".*", "$1"));
                    }
                }
            }
            return new Parts(manifest, files, names);
        }
    }
}
