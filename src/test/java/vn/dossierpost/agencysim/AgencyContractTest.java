package vn.dossierpost.agencysim;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.agencysim.Handovers.HANDOVER;
import static vn.dossierpost.agencysim.Handovers.JSON;
import static vn.dossierpost.agencysim.Handovers.SECRET;
import static vn.dossierpost.agencysim.Handovers.await;
import static vn.dossierpost.agencysim.Handovers.dossier;
import static vn.dossierpost.agencysim.Handovers.drop;
import static vn.dossierpost.agencysim.Handovers.request;
import static vn.dossierpost.agencysim.Handovers.sign;
import static vn.dossierpost.agencysim.Handovers.zip;
import static vn.dossierpost.agencysim.Handovers.zipManifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dossierpost.agencysim.Handovers.Dossier;

/**
 * The agency's document, {@code docs/openapi-agency.yaml}, as the simulator applies it: what it
 * receives must follow the document's schemas (a manifest or notice that does not is refused with
 * 400 naming each field), what it writes follows them too, and the event examples of the service's
 * own description are events as the agency's document defines them.
 */
class AgencyContractTest {
    @TempDir
    Path dir;

    AgencySimulator sim;
    OkHttpClient client = new OkHttpClient();

    @BeforeEach
    void start() throws IOException {
        sim = AgencySimulator.builder(SECRET)
                .fileDrop(dir.resolve("outbox"), dir.resolve("inbox"))
                .pollInterval(java.time.Duration.ofMillis(20))
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @Test
    void aSignedManifestTheDocumentDoesNotAllowIsRefusedNamingEachField() throws IOException {
        Dossier good = dossier("000.00.15.H26-261122-0001");
        ObjectNode manifest = (ObjectNode) JSON.readTree(good.manifest());
        manifest.remove("procedure");
        manifest.put("s10Number", "EH4731");
        manifest.put("serviceForm", "BY_PIGEON");
        Dossier bad = new Dossier(good.code(), JSON.writeValueAsBytes(manifest), good.files());

        try (Response res = client.newCall(request(sim.baseUrl(), bad)).execute()) {
            String message = JSON.readTree(res.body().bytes()).path("message").asText();

            assertThat(res.code()).isEqualTo(400);
            assertThat(message)
                    .contains("procedure", "manifest/s10Number", "manifest/serviceForm", "openapi-agency.yaml");
        }
        assertThat(sim.acceptedKeys()).isEmpty();

        try (Response res = client.newCall(request(sim.baseUrl(), good)).execute()) {
            assertThat(res.code()).as("the same dossier as the document has it").isEqualTo(201);
        }
    }

    @Test
    void aNoticeWithoutTheReturnItemIsRefused() throws IOException {
        byte[] body = """
                {"eventId": "000.00.15.H26-261122-0001/RESULT_DELIVERED", "type": "RESULT_DELIVERED",
                 "dossierCode": "000.00.15.H26-261122-0001", "at": "2026-11-28T10:15:00+07:00"}""".getBytes(StandardCharsets.UTF_8);
        Request notice = new Request.Builder()
                .url(sim.baseUrl() + "/notices")
                .header("Idempotency-Key", "000.00.15.H26-261122-0001/RESULT_DELIVERED")
                .header("X-Dossierpost-Signature", sign(body))
                .post(RequestBody.create(body, MediaType.get("application/json")))
                .build();

        try (Response res = client.newCall(notice).execute()) {
            assertThat(res.code()).isEqualTo(400);
            assertThat(res.body().string()).contains("returnS10Number");
        }
    }

    @Test
    void theAcknowledgementTheSimulatorWritesFollowsTheDocument() throws IOException {
        byte[] zip = zip(List.of(dossier("000.00.15.H26-261122-0001")), Map.of());
        drop(dir.resolve("outbox"), HANDOVER, zip, sign(zipManifest(zip)));
        Path ack = dir.resolve("inbox").resolve(HANDOVER + ".ack.json");
        await("the acknowledgement", () -> Files.exists(ack.resolveSibling(HANDOVER + ".ack.json.ready")));

        AgencyContract contract = AgencyContract.published();
        assertThat(contract.problems("AcknowledgementFile", JSON.readTree(Files.readAllBytes(ack)), "ack"))
                .isEmpty();
        assertThat(contract.problems("DropManifest", JSON.readTree(zipManifest(zip)), "manifest.json"))
                .isEmpty();
    }

    @Test
    void theServicesEventExamplesAreEventsAsTheAgencysDocumentDefinesThem() throws IOException {
        JsonNode examples;
        try (InputStream in = getClass().getResourceAsStream("/openapi/examples.yaml")) {
            examples = new ObjectMapper(new YAMLFactory())
                    .readTree(in)
                    .path("POST /api/agency/events")
                    .path("examples");
        }
        assertThat(examples.size()).isGreaterThan(3);
        AgencyContract contract = AgencyContract.published();
        examples.fields().forEachRemaining(e -> {
            List<String> problems =
                    contract.problems("AgencyEvent", e.getValue().path("value"), e.getKey());
            if (e.getValue().path("status").asInt() == 422) {
                assertThat(problems).as(e.getKey()).isNotEmpty();
            } else {
                assertThat(problems).as(e.getKey()).isEmpty();
            }
        });
    }

    @Test
    void theWorkedExampleOfTheIntegrationGuideIsAManifestAndItsSignature() throws IOException {
        String guide = Files.readString(Path.of("docs/agency-integration.md"), StandardCharsets.UTF_8);
        java.util.regex.Matcher block = java.util.regex.Pattern.compile(
                        "```json\n(.*?)\n```", java.util.regex.Pattern.DOTALL)
                .matcher(guide);
        assertThat(block.find()).isTrue();
        byte[] manifest = block.group(1).getBytes(StandardCharsets.UTF_8);
        String signature = vn.dossierpost.integration.Signatures.sign(manifest, "khoa-bi-mat-so-tu-phap-ha-noi");

        assertThat(manifest).hasSize(928);
        assertThat(guide).contains("X-Dossierpost-Signature: " + signature);
        assertThat(AgencyContract.published().problems("DossierManifest", JSON.readTree(manifest), "manifest"))
                .isEmpty();
    }
}
