package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Patch;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.TestApp;

/**
 * The result goes to the office serving the delivery address (issue 19): a dossier taken in at the
 * Hà Nội central office for an applicant living in Sài Gòn is collected at the agency by the office
 * serving it (Hà Đông), arrives at the Sài Gòn office, goes to its courier and is delivered there; the
 * transfer is on the timeline and, in plain words, in public tracking. Administrators set which office
 * serves which commune.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DeliveringOfficeTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String HANOI = Dossiers.OFFICE; // 100000
    static final String SAIGON = Dossiers.OTHER_OFFICE; // 700000, in commune 26740
    static final String HADONG = "152000"; // serves the judicial records department (commune 09556)
    static final String SAIGON_WARD = "26740";
    static final String CLERK = "clerk.hn";
    static final String COLLECTOR = "clerk.hadong";
    static final String SAIGON_CLERK = "clerk.sg";
    static final String SAIGON_COURIER = "buuta.sg";
    static final String HANOI_COURIER = "buuta.hn";
    static String agencyToken;

    @BeforeAll
    static void setUp() {
        APP.addUser(CLERK, Role.COUNTER, HANOI, null);
        APP.addUser(COLLECTOR, Role.COUNTER, HADONG, null);
        APP.addUser(SAIGON_CLERK, Role.COUNTER, SAIGON, null);
        APP.addUser(SAIGON_COURIER, Role.COURIER, SAIGON, null);
        APP.addUser(HANOI_COURIER, Role.COURIER, HANOI, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        agencyToken = APP.addTokenUser("stp-hanoi", Role.AGENCY, null, Dossiers.AGENCY);
        json(
                APP.as(SAIGON_CLERK, "/api/couriers/" + SAIGON_COURIER + "/communes")
                        .put(Entity.json(Map.of("communes", List.of(SAIGON_WARD)))),
                200);
        json(
                APP.as(CLERK, "/api/couriers/" + HANOI_COURIER + "/communes")
                        .put(Entity.json(Map.of("communes", List.of("00070", SAIGON_WARD)))),
                200);
    }

    @Test
    void aResultTakenInAtHanoiForASaigonAddressIsDeliveredBySaigonAndTrackingShowsTheTransfer() {
        Map<String, Object> body = returnOnly("STP-HN-2026-0042", SAIGON_WARD);
        Map<String, Object> taken = json(APP.post(CLERK, "/api/dossiers", body), 201);
        String code = (String) taken.get("code");
        assertThat(deliveryOffice(taken)).isEqualTo(SAIGON);

        Map<String, Object> applied = agencyEvent("kq-0042", "STP-HN-2026-0042");
        assertThat(applied.get("outcome")).isEqualTo("APPLIED");
        Map<String, Object> item =
                json(APP.post(COLLECTOR, "/api/dossiers/" + code + "/collection", collection()), 201);
        String s10 = (String) item.get("s10Number");
        assertThat(item.get("status")).isEqualTo("RESULT_COLLECTED");
        assertThat(item.get("arrivedAt")).as("on its way to Sài Gòn").isNull();
        // the return item's number is the collecting office's, from its series
        Map<?, ?> series = ((List<?>)
                        json(APP.as("admin", "/api/s10-series").get(), 200).get("series"))
                .stream()
                        .map(x -> (Map<?, ?>) x)
                        .filter(x -> HADONG.equals(x.get("officeCode")))
                        .findFirst()
                        .orElseThrow();
        long serial = S10Number.parse(s10).serial();
        assertThat(serial).isEqualTo(((Number) series.get("next")).longValue() - 1);
        assertThat(s10).startsWith((String) series.get("prefix"));

        // the timeline says where it goes, from which office to which
        List<Map<String, Object>> events = events(code);
        assertThat(events)
                .filteredOn(e -> "TRANSFERRED_TO_DELIVERY_OFFICE".equals(e.get("type")))
                .singleElement()
                .satisfies(e -> assertThat(e.get("note"))
                        .isEqualTo("Chuyển bưu cục phát: Bưu cục Trung tâm Hà Nội → Bưu cục Trung tâm Sài Gòn"));

        // the intake office no longer handles it; the Sài Gòn office records its arrival
        assertThat(TestApp.status(APP.post(CLERK, "/api/deliveries/" + s10 + "/arrival", Map.of())))
                .isEqualTo(403);
        Map<String, Object> arrived =
                json(APP.post(SAIGON_CLERK, "/api/deliveries/" + s10 + "/arrival", Map.of()), 200);
        assertThat(arrived.get("courier")).isEqualTo(SAIGON_COURIER);

        attempt(SAIGON_COURIER, s10, Map.of("clientAttemptId", "sg1", "outcome", "OUT_FOR_DELIVERY"), 200);
        Map<String, Object> done = attempt(SAIGON_COURIER, s10, delivered("sg2"), 200);
        assertThat(done.get("status")).isEqualTo("DELIVERED");

        Response tracked =
                EXT.client().target(APP.url("/api/track/" + s10)).request().get();
        String tracking = tracked.readEntity(String.class);
        assertThat(tracked.getStatus()).isEqualTo(200);
        assertThat(tracking)
                .contains("TRANSFERRED_TO_DELIVERY_OFFICE", "Chuyển kết quả đến bưu cục phát gần địa chỉ nhận")
                .contains("Bưu cục Trung tâm Sài Gòn")
                .doesNotContain(Dossiers.PHONE, Dossiers.CITIZEN_ID, "Số 9 Lê Lợi", "Chuyển bưu cục phát:");
        List<Map<String, Object>> steps = steps(tracking);
        assertThat(steps)
                .filteredOn(s -> "TRANSFERRED_TO_DELIVERY_OFFICE".equals(s.get("status")))
                .singleElement()
                .satisfies(s -> assertThat(s.get("place")).isEqualTo("Bưu cục Trung tâm Sài Gòn"));
        assertThat(steps.stream().map(s -> s.get("status")))
                .containsSubsequence(
                        "RESULT_COLLECTED", "TRANSFERRED_TO_DELIVERY_OFFICE", "ARRIVED_AT_DELIVERY_OFFICE");
        // and on the public page, in the same words
        Response page =
                EXT.client().target(APP.url("/tra-cuu/" + s10)).request().get();
        String html = page.readEntity(String.class);
        assertThat(html)
                .contains("Chuyển kết quả đến bưu cục phát gần địa chỉ nhận")
                .doesNotContain(Dossiers.PHONE, "Số 9 Lê Lợi");
    }

    @Test
    void aResultForAnAddressServedByTheIntakeOfficeStaysThereWithoutATransfer() {
        Map<String, Object> taken =
                json(APP.post(CLERK, "/api/dossiers", returnOnly("STP-HN-2026-0043", "00070")), 201);
        String code = (String) taken.get("code");
        assertThat(deliveryOffice(taken)).isEqualTo(HANOI);
        agencyEvent("kq-0043", "STP-HN-2026-0043");
        String s10 = (String) json(APP.post(COLLECTOR, "/api/dossiers/" + code + "/collection", collection()), 201)
                .get("s10Number");
        assertThat(events(code)).noneMatch(e -> "TRANSFERRED_TO_DELIVERY_OFFICE".equals(e.get("type")));
        assertThat(json(APP.post(CLERK, "/api/deliveries/" + s10 + "/arrival", Map.of()), 200)
                        .get("courier"))
                .isEqualTo(HANOI_COURIER);
    }

    @Test
    @SuppressWarnings("unchecked")
    void correctingTheDeliveryAddressBeforeHandoverMovesTheDeliveringOffice() throws Exception {
        Map<String, Object> taken = json(APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord()), 201);
        String code = (String) taken.get("code");
        assertThat(deliveryOffice(taken)).isEqualTo(HANOI);
        HttpResponse<String> res =
                Patch.json(APP.url("/api/dossiers/" + code), Map.of("Authorization", TestApp.basic(CLERK)), """
                {"reason": "Công dân chuyển vào Sài Gòn",
                 "delivery": {"address": {"street": "Số 9 Lê Lợi", "communeCode": "26740"}}}
                """);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        Map<String, Object> corrected = JSON.readValue(res.body(), new TypeReference<>() {});
        assertThat(deliveryOffice(corrected)).isEqualTo(SAIGON);
        Map<?, ?> payload =
                (Map<?, ?>) events(code).get(events(code).size() - 1).get("payload");
        assertThat((List<Object>) payload.get("changes"))
                .contains((Object) Map.of("field", "deliveryOffice", "oldValue", HANOI, "newValue", SAIGON));
    }

    @Test
    void anAdministratorSetsTheCommunesAnOfficeServesAndTheNextIntakeUsesIt() {
        String ward = "00082"; // Hà Nội, served by the central office until moved
        Map<String, Object> before =
                json(APP.as(CLERK, "/api/offices/" + HADONG + "/communes").get(), 200);
        assertThat(codes(before)).contains("09556").doesNotContain(ward);

        Map<String, Object> bad = json(
                APP.as("admin", "/api/offices/" + HADONG + "/communes")
                        .put(Entity.json(Map.of("communes", List.of(ward, "99999")))),
                422);
        assertThat(bad.toString()).contains("communes[1]").contains("99999");
        assertThat(TestApp.status(APP.as(CLERK, "/api/offices/" + HADONG + "/communes")
                        .put(Entity.json(Map.of("communes", List.of(ward))))))
                .isEqualTo(403);
        assertThat(TestApp.status(APP.as("admin", "/api/offices/999999/communes")
                        .put(Entity.json(Map.of("communes", List.of(ward))))))
                .isEqualTo(404);

        Map<String, Object> now = json(
                APP.as("admin", "/api/offices/" + HADONG + "/communes")
                        .put(Entity.json(Map.of("communes", List.of("09556", ward, ward)))),
                200);
        assertThat(codes(now)).containsExactly("00082", "09556");
        assertThat(now.get("officeName")).isEqualTo("Bưu cục Hà Đông");
        assertThat(codes(json(
                        APP.as(CLERK, "/api/offices/" + HANOI + "/communes").get(), 200)))
                .contains("00070")
                .doesNotContain(ward);

        Map<String, Object> body = Dossiers.judicialRecord();
        delivery(body).put("address", Map.of("street", "Số 3 phố Lý Thường Kiệt", "communeCode", ward));
        assertThat(deliveryOffice(json(APP.post(CLERK, "/api/dossiers", body), 201)))
                .isEqualTo(HADONG);
    }

    // --- helpers

    static Map<String, Object> returnOnly(String agencyReference, String deliveryCommune) {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("serviceForm", "RETURN_ONLY");
        body.put("agencyReference", agencyReference);
        body.remove("components");
        delivery(body).put("address", Map.of("street", "Số 9 Lê Lợi", "communeCode", deliveryCommune));
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> delivery(Map<String, Object> body) {
        return (Map<String, Object>) body.get("delivery");
    }

    static String deliveryOffice(Map<String, Object> dossier) {
        return (String) ((Map<?, ?>) ((Map<?, ?>) dossier.get("delivery")).get("office")).get("code");
    }

    static List<String> codes(Map<String, Object> served) {
        return ((List<?>) served.get("communes"))
                .stream().map(c -> (String) ((Map<?, ?>) c).get("code")).toList();
    }

    static List<Map<String, Object>> events(String code) {
        return APP.as(CLERK, "/api/dossiers/" + code + "/events").get(new GenericType<>() {});
    }

    static List<Map<String, Object>> steps(String tracking) {
        try {
            Map<String, Object> view = JSON.readValue(tracking, new TypeReference<>() {});
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> events = (List<Map<String, Object>>) view.get("events");
            return events;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> agencyEvent(String id, String reference) {
        Map<String, Object> e = new HashMap<>();
        e.put("eventId", id);
        e.put("dossierCode", reference);
        e.put("type", "RESULT_READY");
        e.put("resultReference", "LLTP-2026/" + id);
        Response r = EXT.client()
                .target(APP.url("/api/agency/events"))
                .request()
                .header("Authorization", "Bearer " + agencyToken)
                .post(Entity.entity(e, MediaType.APPLICATION_JSON_TYPE));
        return json(r, 200);
    }

    static Map<String, Object> collection() {
        return Map.of(
                "agencyOfficer",
                "Trần Văn Bình",
                "items",
                List.of(Map.of("name", "Phiếu lý lịch tư pháp số 1", "kind", "RESULT", "copies", 1)));
    }

    static Map<String, Object> delivered(String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientAttemptId", id);
        m.put("outcome", "DELIVERED");
        m.put("recipientName", Dossiers.NAME);
        m.put("relation", "SELF");
        m.put("idDocumentType", "CCCD");
        m.put("idNumber", Dossiers.CITIZEN_ID);
        m.put(
                "proof",
                Map.of("mediaType", "image/png", "base64", Base64.getEncoder().encodeToString(Scans.png(5))));
        return m;
    }

    static Map<String, Object> attempt(String user, String s10, Map<String, Object> body, int expected) {
        return json(APP.post(user, "/api/deliveries/" + s10 + "/attempts", body), expected);
    }

    static Map<String, Object> json(Response r, int expected) {
        try (r) {
            Map<String, Object> body = TestApp.json(r);
            assertThat(r.getStatus()).as("%s", body).isEqualTo(expected);
            return body;
        }
    }
}
