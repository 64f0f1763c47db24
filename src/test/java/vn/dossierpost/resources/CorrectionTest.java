package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Patch;
import vn.dossierpost.support.ProjectionParity;
import vn.dossierpost.support.TestApp;

/** {@code PATCH /api/dossiers/{code}}: contact details corrected before handover, on the staff timeline only. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CorrectionTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every dossier left by these tests answers public tracking as its timeline would. */
    @AfterAll
    static void trackingAsTheTimeline() {
        ProjectionParity.check(APP);
    }

    @BeforeAll
    static void users() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("other-clerk", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        APP.addUser("other-supervisor", Role.SUPERVISOR, Dossiers.OTHER_OFFICE, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
    }

    private static String takeIn() {
        Response res = APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord());
        assertThat(res.getStatus()).isEqualTo(201);
        return (String) json(res).get("code");
    }

    private static HttpResponse<String> patch(String user, String code, String body) {
        return Patch.json(APP.url("/api/dossiers/" + code), Map.of("Authorization", TestApp.basic(user)), body);
    }

    private static Map<String, Object> read(HttpResponse<String> res) throws Exception {
        return JSON.readValue(res.body(), new TypeReference<>() {});
    }

    private static List<String> fields(HttpResponse<String> res) throws Exception {
        List<?> problems = (List<?>) read(res).get("errors");
        return problems.stream().map(p -> (String) ((Map<?, ?>) p).get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aTypoInTheNameAndPhoneIsCorrectedAndKeptOnTheStaffTimelineOnly() throws Exception {
        String code = takeIn();
        Map<?, ?> before = APP.as("clerk", "/api/dossiers/" + code).get(Map.class);
        HttpResponse<String> res = patch("clerk", code, """
                {"reason": "Công dân báo sai chính tả tên và số điện thoại",
                 "applicant": {"fullName": "Nguyễn Thị Hồng Nhung Anh", "phone": "+84 987 654 321", "email": ""},
                 "delivery": {"address": {"street": "Số 5 phố Hàng Gai", "communeCode": "00166"}}}
                """);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        Map<String, Object> view = read(res);
        Map<?, ?> applicant = (Map<?, ?>) view.get("applicant");
        assertThat(applicant.get("fullName")).isEqualTo("Nguyễn Thị Hồng Nhung Anh");
        assertThat(applicant.get("phone")).isEqualTo("0987654321");
        assertThat(applicant.get("email")).isNull();
        Map<?, ?> delivery = (Map<?, ?>) ((Map<?, ?>) view.get("delivery")).get("address");
        assertThat(delivery.get("street")).isEqualTo("Số 5 phố Hàng Gai");
        assertThat(delivery.get("communeCode")).isEqualTo("00166");
        assertThat(view.get("fees")).as("the fees are as taken in").isEqualTo(before.get("fees"));

        List<Map<String, Object>> events =
                APP.as("clerk", "/api/dossiers/" + code + "/events").get(new GenericType<>() {});
        Map<String, Object> corrected = events.get(events.size() - 1);
        assertThat(corrected.get("type")).isEqualTo("CORRECTED");
        assertThat(corrected.get("note")).isEqualTo("Công dân báo sai chính tả tên và số điện thoại");
        Map<?, ?> payload = (Map<?, ?>) corrected.get("payload");
        assertThat((List<Object>) payload.get("changes"))
                .contains(
                        Map.of(
                                "field", "applicant.fullName",
                                "oldValue", Dossiers.NAME,
                                "newValue", "Nguyễn Thị Hồng Nhung Anh"),
                        Map.of("field", "applicant.phone", "oldValue", Dossiers.PHONE, "newValue", "0987654321"),
                        Map.of("field", "delivery.address.communeCode", "oldValue", "00070", "newValue", "00166"))
                .extracting(c -> (Object) ((Map<?, ?>) c).get("field"))
                .doesNotContain((Object) "applicant.address.street");

        String tracking = APP.as("clerk", "/api/track/" + code).get(String.class);
        assertThat(tracking)
                .contains("RECEIVED")
                .doesNotContain("CORRECTED", "0987654321", Dossiers.PHONE, "Hàng Gai", "chính tả", "Sửa thông tin");
    }

    @Test
    void aNationalSupervisorMayCorrectAnotherOfficesClerkMayNot() throws Exception {
        String code = takeIn();
        String body = "{\"reason\": \"sai số\", \"applicant\": {\"phone\": \"0911111111\"}}";
        assertThat(patch("other-clerk", code, body).statusCode()).isEqualTo(403);
        assertThat(patch("other-supervisor", code, body).statusCode()).isEqualTo(403);
        HttpResponse<String> refused = patch("other-clerk", code, body);
        assertThat(refused.body()).doesNotContain(Dossiers.NAME, Dossiers.PHONE);
        assertThat(patch("clerk", "000.00.15.H26-200101-0001", body).statusCode())
                .isEqualTo(404);
        assertThat(patch("supervisor", code, body).statusCode()).isEqualTo(200);
        assertThat(APP.as("clerk", "/api/dossiers/" + code).get(Map.class).get("applicant"))
                .extracting(a -> ((Map<?, ?>) a).get("phone"))
                .isEqualTo("0911111111");
    }

    @Test
    void eachWrongFieldIsNamedInOneAnswerAndNothingChanges() throws Exception {
        String code = takeIn();
        HttpResponse<String> res = patch("clerk", code, """
                {"applicant": {"fullName": " ", "phone": "12345", "email": "not-an-address",
                               "address": {"street": "Số 1", "communeCode": "99999"}, "citizenId": "001190999999"},
                 "delivery": {"address": {"street": "", "communeCode": "1"}}}
                """);
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(fields(res))
                .containsExactly(
                        "reason",
                        "applicant.fullName",
                        "applicant.phone",
                        "applicant.email",
                        "applicant.address.communeCode",
                        "applicant.citizenId",
                        "delivery.address.street",
                        "delivery.address.communeCode");
        assertThat(APP.as("clerk", "/api/dossiers/" + code + "/events").get(String.class))
                .doesNotContain("CORRECTED");
        assertThat(APP.as("clerk", "/api/dossiers/" + code).get(String.class)).contains(Dossiers.PHONE);
    }

    @Test
    void theFieldsThatSetTheFeesAreRefusedByName() throws Exception {
        String code = takeIn();
        HttpResponse<String> res = patch("clerk", code, """
                {"reason": "đổi dịch vụ", "serviceForm": "SEND_ONLY", "procedureCode": "2.000488",
                 "components": [], "routeClass": "WITHIN_COMMUNE", "appointmentSlipByPost": true,
                 "paymentMethod": "CASH", "delivery": {"method": "PICKUP_AT_OFFICE", "postageOnDelivery": true}}
                """);
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(fields(res))
                .containsExactlyInAnyOrder(
                        "procedureCode",
                        "serviceForm",
                        "routeClass",
                        "components",
                        "appointmentSlipByPost",
                        "paymentMethod",
                        "delivery.method",
                        "delivery.postageOnDelivery");
        assertThat(res.body()).contains("changes the fees");
    }

    @Test
    void unknownFieldsAndNothingToCorrectAre422() throws Exception {
        String code = takeIn();
        HttpResponse<String> unknown =
                patch("clerk", code, "{\"reason\": \"x\", \"applicant\": {\"nickname\": \"Nhung\"}}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("nickname");
        HttpResponse<String> same =
                patch("clerk", code, "{\"reason\": \"x\", \"applicant\": {\"phone\": \"" + Dossiers.PHONE + "\"}}");
        assertThat(same.statusCode()).isEqualTo(422);
        assertThat(read(same).get("field")).isEqualTo("body");
        assertThat(patch("clerk", code, "null").statusCode()).isEqualTo(422);
    }

    @Test
    void aDeliveryAddressNeedsHomeDelivery() throws Exception {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("delivery", Map.of("method", "PICKUP_AT_OFFICE"));
        Response taken = APP.post("clerk", "/api/dossiers", body);
        assertThat(taken.getStatus()).isEqualTo(201);
        String code = (String) json(taken).get("code");
        HttpResponse<String> res = patch(
                "clerk",
                code,
                "{\"reason\": \"x\", \"delivery\": {\"address\": {\"street\": \"Số 1\", \"communeCode\": \"00166\"}}}");
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(read(res).get("field")).isEqualTo("delivery.address");
    }

    @Test
    void afterHandoverItIs409PointingToTheSupplement() throws Exception {
        String code = takeIn();
        APP.jdbi().useHandle(h -> h.execute("UPDATE dossier SET status = 'IN_TRANSIT_TO_AGENCY' WHERE code = ?", code));
        HttpResponse<String> res =
                patch("clerk", code, "{\"reason\": \"sai số\", \"applicant\": {\"phone\": \"0911111111\"}}");
        assertThat(res.statusCode()).isEqualTo(409);
        Map<String, Object> err = read(res);
        assertThat((String) err.get("message")).contains("IN_TRANSIT_TO_AGENCY", "/supplements");
        assertThat(((Map<?, ?>) err.get("details")).get("supplement"))
                .isEqualTo("/api/dossiers/" + code + "/supplements");
        assertThat(APP.as("clerk", "/api/dossiers/" + code).get(String.class)).contains(Dossiers.PHONE);
    }
}
