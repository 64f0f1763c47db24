package vn.dossierpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * The description of the API ({@code /openapi.json}) against the running service: every endpoint of
 * Jersey's resource model under {@code /api/} is described and nothing else is; every example
 * request of the document, sent to the service, gets the status the document gives it
 * ({@code x-expected-status}).
 *
 * <p>A new endpoint is described by itself (ApiDocs reads the resources Jersey has). A new example
 * in {@code openapi/examples.yaml} for an operation without one yet needs a line in
 * {@link #FIXTURES}: who calls it and on what (a dossier, an item) it is sent.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiContractTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CLERK = "counter.hn";
    static final String COLLECTOR = "counter.hadong";
    static final String COURIER = "buuta.lan";
    /** The dossier code the examples use for "a dossier handed to this agency". */
    static final String HANDED_OVER = "000.00.15.H26-261120-0001";

    /** How an example of an operation is sent: who calls, and on what. */
    interface Fixture {
        Call prepare(Map<String, Object> body);
    }

    record Call(String path, String authorization) {}

    static String agencyToken;
    static JsonNode document;

    static final Map<String, Fixture> FIXTURES = Map.of(
            "POST /api/dossiers", body -> new Call("/api/dossiers", TestApp.basic(CLERK)),
            "POST /api/agency/events",
                    body -> {
                        if (HANDED_OVER.equals(body.get("dossierCode"))) {
                            body.put("dossierCode", handedToAgency());
                        }
                        if ("DELAYED".equals(body.get("type"))) {
                            // the example's date is of its own time: a new appointment must come after the
                            // dossier's current one, so it is moved well past it
                            body.put(
                                    "newAppointmentDate",
                                    LocalDate.now().plusMonths(3).toString());
                        }
                        return new Call("/api/agency/events", "Bearer " + agencyToken);
                    },
            "POST /api/deliveries/{s10}/attempts",
                    body -> {
                        String s10 = withTheCourier();
                        if (!"OUT_FOR_DELIVERY".equals(body.get("outcome"))) {
                            Map<String, Object> out =
                                    Map.of("clientAttemptId", "out-" + s10, "outcome", "OUT_FOR_DELIVERY");
                            assertThat(send("/api/deliveries/" + s10 + "/attempts", TestApp.basic(COURIER), out)
                                            .status())
                                    .isEqualTo(200);
                        }
                        return new Call("/api/deliveries/" + s10 + "/attempts", TestApp.basic(COURIER));
                    });

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(COLLECTOR, Role.COUNTER, "152000", null);
        APP.addUser(COURIER, Role.COURIER, Dossiers.OFFICE, null);
        agencyToken = APP.addTokenUser("stp-hanoi", Role.AGENCY, null, Dossiers.AGENCY);
        Answer covered = send(
                "/api/couriers/" + COURIER + "/communes",
                TestApp.basic(CLERK),
                Map.of("communes", List.of("00070")),
                "PUT");
        assertThat(covered.status()).as(covered.body()).isEqualTo(200);
        try (Response res =
                EXT.client().target(APP.url("/openapi.json")).request().get()) {
            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(res.getMediaType().toString()).startsWith("application/json");
            document = JSON.readTree(res.readEntity(String.class));
        }
    }

    @Test
    void everyEndpointOfTheApiIsDescribedAndNothingElse() {
        Set<String> described = new TreeSet<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(described).as("the document's operations").containsExactlyInAnyOrderElementsOf(apiEndpoints());
    }

    @Test
    void theYamlFormIsTheSameDocument() throws Exception {
        try (Response res =
                EXT.client().target(APP.url("/openapi.yaml")).request().get()) {
            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(new ObjectMapper(new YAMLFactory()).readTree(res.readEntity(String.class)))
                    .isEqualTo(document);
        }
    }

    @Test
    void theDocumentSaysWhoMayCallAndWhatAnErrorLooksLike() {
        JsonNode intake = document.at("/paths/~1api~1dossiers/post");
        assertThat(intake.path("security").toString()).contains("basic").contains("bearer");
        assertThat(intake.path("description").asText()).contains("COUNTER");
        assertThat(intake.at("/responses/201/content/application~1json/schema/$ref")
                        .asText())
                .endsWith("/DossierView");
        assertThat(document.at("/paths/~1api~1track~1{reference}/get/security").isEmpty())
                .isTrue();
        assertThat(document.at("/components/schemas/ErrorResponse/properties").has("errors"))
                .isTrue();
        assertThat(document.at("/components/schemas/FieldProblem/properties").has("field"))
                .isTrue();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
    }

    @Test
    void everyExampleRequestGetsTheStatusTheDocumentGivesIt() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (var path : iterable(document.path("paths").fields())) {
            for (var operation : iterable(path.getValue().fields())) {
                String endpoint = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode examples = operation.getValue().at("/requestBody/content/application~1json/examples");
                for (var example : iterable(examples.fields())) {
                    int expected = example.getValue()
                            .path(ApiDescription.EXPECTED_STATUS)
                            .asInt();
                    assertThat(expected)
                            .as(endpoint + " " + example.getKey() + ": " + ApiDescription.EXPECTED_STATUS)
                            .isBetween(200, 599);
                    Fixture fixture = FIXTURES.get(endpoint);
                    assertThat(fixture)
                            .as("how to send the examples of " + endpoint + ": a line in FIXTURES")
                            .isNotNull();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body =
                            JSON.convertValue(example.getValue().path("value"), LinkedHashMap.class);
                    Call call = fixture.prepare(body);
                    Answer answer = send(call.path(), call.authorization(), body);
                    sent++;
                    if (answer.status() != expected) {
                        failures.add(endpoint + " example " + example.getKey() + ": " + answer.status()
                                + ", documented " + expected + ": " + answer.body());
                    }
                }
            }
        }
        assertThat(failures).as("of " + sent + " examples").isEmpty();
        assertThat(sent).as("examples sent").isGreaterThanOrEqualTo(14);
    }

    // ---- the running service's endpoints, as AccessTest lists them

    static Set<String> apiEndpoints() {
        Set<String> found = new TreeSet<>();
        var config = EXT.getEnvironment().jersey().getResourceConfig();
        List<Class<?>> classes = new ArrayList<>(config.getClasses());
        config.getInstances().forEach(i -> classes.add(i.getClass()));
        for (Class<?> c : classes) {
            if (c.isAnnotationPresent(Path.class)) {
                walk(Resource.from(c), "", found);
            }
        }
        found.removeIf(e -> !e.contains(" /api/"));
        return found;
    }

    private static void walk(Resource resource, String parent, Set<String> found) {
        String path = (parent + "/" + resource.getPath()).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        path = path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        for (ResourceMethod m : resource.getResourceMethods()) {
            found.add(m.getHttpMethod() + " " + path);
        }
        for (Resource child : resource.getChildResources()) {
            walk(child, path, found);
        }
    }

    // ---- fixtures

    /** A dossier (the intake example's) taken in on 2026-11-20 and acknowledged by its agency. */
    static String handedToAgency() {
        JsonNode intake = document.at(
                "/paths/~1api~1dossiers/post/requestBody/content/application~1json/examples" + "/tiep-nhan/value");
        Answer taken = send("/api/dossiers", TestApp.basic(CLERK), JSON.convertValue(intake, Map.class));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String code = JSON.convertValue(taken.json().get("code"), String.class);
        APP.jdbi().useHandle(h -> {
            h.execute(
                    "UPDATE dossier SET status = 'DELIVERED_TO_AGENCY', received_at = '2026-11-20T09:00:00+07:00' "
                            + "WHERE code = ?",
                    code);
            h.execute(
                    "INSERT INTO handover (no, agency_code, channel, state, created_at) "
                            + "VALUES (?, ?, 'HTTP', 'DELIVERED', now())",
                    "BG-" + code,
                    Dossiers.AGENCY);
            h.execute(
                    "INSERT INTO handover_item (handover_id, dossier_id, position, state, components, files, bytes, "
                            + "complete, manifest) SELECT h.id, d.id, 1, 'DELIVERED', 2, 2, 1, true, '{}' "
                            + "FROM handover h, dossier d WHERE h.no = ? AND d.code = ?",
                    "BG-" + code,
                    code);
        });
        return code;
    }

    /** The S10 number of that dossier's result: ready, collected at the agency, arrived, with the courier. */
    static String withTheCourier() {
        String code = handedToAgency();
        Answer ready = send(
                "/api/agency/events",
                "Bearer " + agencyToken,
                Map.of(
                        "eventId",
                        "kq-" + code,
                        "dossierCode",
                        code,
                        "type",
                        "RESULT_READY",
                        "resultReference",
                        "KQ-1"));
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        Answer collected = send(
                "/api/dossiers/" + code + "/collection",
                TestApp.basic(COLLECTOR),
                Map.of(
                        "agencyOfficer",
                        "Trần Văn Bình",
                        "items",
                        List.of(Map.of("name", "Phiếu lý lịch tư pháp số 1", "kind", "RESULT", "copies", 1))));
        assertThat(collected.status()).as(collected.body()).isEqualTo(201);
        String s10 = JSON.convertValue(collected.json().get("s10Number"), String.class);
        Answer arrived = send("/api/deliveries/" + s10 + "/arrival", TestApp.basic(CLERK), Map.of());
        assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);
        return s10;
    }

    record Answer(int status, String body) {
        Map<?, ?> json() {
            try {
                return JSON.readValue(body, Map.class);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    static Answer send(String path, String authorization, Object body) {
        return send(path, authorization, body, "POST");
    }

    static Answer send(String path, String authorization, Object body, String method) {
        Invocation.Builder request = EXT.client().target(APP.url(path)).request();
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        try (Response res = request.method(method, Entity.json(body))) {
            return new Answer(res.getStatus(), res.hasEntity() ? res.readEntity(String.class) : "");
        }
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
