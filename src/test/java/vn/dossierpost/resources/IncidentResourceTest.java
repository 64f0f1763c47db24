package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;
import static vn.dossierpost.support.TestApp.status;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * Items lost or damaged through the API: the compensation owed (4 × the leg's postage plus re-issue
 * costs, hand-computed here from the dossier's own fee lines), its 30-day clock, the loss shown in
 * public tracking in plain words, the link to a complaint, and the compensation paid once.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IncidentResourceTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @BeforeAll
    static void users() {
        APP.addUser("thu.ngan", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("kiem.soat", Role.SUPERVISOR, null, null);
    }

    private static String intake() {
        try (Response res = APP.post("thu.ngan", "/api/dossiers", Dossiers.judicialRecord())) {
            Map<String, Object> answer = json(res);
            assertThat(res.getStatus()).as(answer.toString()).isEqualTo(201);
            return (String) answer.get("code");
        }
    }

    /** The postage of the outbound leg as the dossier's fee lines say. */
    @SuppressWarnings("unchecked")
    private static long outboundPostage(String code) {
        try (Response res = APP.as("thu.ngan", "/api/dossiers/" + code).get()) {
            Map<String, Object> fees = (Map<String, Object>) json(res).get("fees");
            return ((List<Map<String, Object>>) fees.get("items"))
                    .stream()
                            .filter(i -> i.get("code").equals("POSTAGE_OUTBOUND"))
                            .mapToLong(i -> ((Number) i.get("amount")).longValue())
                            .sum();
        }
    }

    private static Map<String, Object> lost(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("dossier", code);
        body.put("leg", "OUTBOUND");
        body.put("kind", "LOST");
        body.put("foundBy", "Trần Văn Bình, tổ khai thác");
        body.put("foundWhere", "Trung tâm khai thác Hà Nội");
        body.put("description", "Túi hồ sơ không có trong chuyến thư đến Sở Tư pháp.");
        body.put("reissueCosts", 150_000);
        return body;
    }

    private static Map<String, Object> record(Map<String, Object> body) {
        try (Response res = APP.post("thu.ngan", "/api/incidents", body)) {
            Map<String, Object> answer = json(res);
            assertThat(res.getStatus()).as(answer.toString()).isEqualTo(201);
            return answer;
        }
    }

    @Test
    void aLostDossierIsOwedFourTimesItsLegsPostagePlusReissueCostsWithinThirtyDays() {
        String code = intake();
        long postage = outboundPostage(code);
        assertThat(postage).isPositive();

        Map<String, Object> incident = record(lost(code));

        LocalDate today = LocalDate.now(ZONE);
        assertThat(incident.get("number").toString()).matches("SC-\\d{6}");
        assertThat(((Number) incident.get("postage")).longValue()).isEqualTo(postage);
        assertThat(((Number) incident.get("minimumCompensation")).longValue()).isEqualTo(4 * postage + 150_000);
        assertThat(((Number) incident.get("compensation")).longValue()).isEqualTo(4 * postage + 150_000);
        assertThat(incident)
                .containsEntry("foundOn", today.toString())
                .containsEntry("payBy", today.plusDays(30).toString())
                .containsEntry("overdue", false)
                .containsEntry("paidAt", null);

        // the same item twice: 409; another leg of a SEND_AND_RETURN dossier is its own item
        assertThat(status(APP.post("thu.ngan", "/api/incidents", lost(code)))).isEqualTo(409);
        Map<String, Object> damaged = lost(code);
        damaged.put("leg", "RETURN");
        damaged.put("kind", "DAMAGED");
        damaged.put("compensation", 1_000_000);
        assertThat(record(damaged)).containsEntry("compensation", 1_000_000);
    }

    @Test
    void theLossIsShownInPublicTrackingInPlainWordsWithoutPersonalData() {
        String code = intake();
        record(lost(code));
        String tracking;
        try (Response res = APP.extension()
                .client()
                .target(APP.url("/api/track/" + code))
                .request()
                .get()) {
            tracking = res.readEntity(String.class);
        }
        assertThat(tracking).contains("ITEM_LOST", "thất lạc", "bồi thường");
        assertThat(tracking).doesNotContain("Trần Văn Bình", "150000", Dossiers.PHONE);
    }

    @Test
    void aSupervisorNotesTheInvestigationAndPaysOnce() {
        String number = (String) record(lost(intake())).get("number");
        String base = "/api/incidents/" + number;
        assertThat(status(APP.post("thu.ngan", base + "/payment", Map.of()))).isEqualTo(403);
        try (Response res =
                APP.post("kiem.soat", base + "/investigation", Map.of("text", "Đã xác minh với tuyến thư."))) {
            assertThat(json(res)).containsEntry("investigation", "Đã xác minh với tuyến thư.");
        }
        try (Response res = APP.post("kiem.soat", base + "/payment", Map.of())) {
            Map<String, Object> paid = json(res);
            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(paid).containsEntry("paidBy", "kiem.soat");
            assertThat(paid.get("paidAt")).isNotNull();
        }
        assertThat(status(APP.post("kiem.soat", base + "/payment", Map.of()))).isEqualTo(409);
    }

    @Test
    void unpaidCompensationPastItsDayIsOnTheOverdueList() {
        String late = (String) record(lost(intake())).get("number");
        String onTime = (String) record(lost(intake())).get("number");
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE incident SET pay_by = current_date - 1 WHERE id = ?",
                        Long.parseLong(late.substring(3))));
        List<Map<String, Object>> overdue =
                APP.as("kiem.soat", "/api/incidents?overdue=true").get(new GenericType<List<Map<String, Object>>>() {});
        assertThat(overdue).extracting(i -> i.get("number")).contains(late).doesNotContain(onTime);
    }

    @Test
    void badIncidentsAreRefusedNamingTheField() {
        String code = intake();
        String otherDossier = intake();
        String complaintOfOther;
        try (Response res = APP.post(
                "thu.ngan",
                "/api/complaints",
                Map.of(
                        "dossier", otherDossier,
                        "complainant", "APPLICANT",
                        "name", Dossiers.NAME,
                        "channel", "PHONE",
                        "content", "Chưa thấy kết quả."))) {
            complaintOfOther = (String) json(res).get("number");
        }
        Map<String, Object> cases = Map.of(
                "leg", "SIDEWAYS",
                "kind", "STOLEN",
                "foundOn", "2999-01-01",
                "reissueCosts", -1,
                "compensation", 10,
                "complaint", complaintOfOther,
                "foundWhere", "");
        cases.forEach((field, value) -> {
            Map<String, Object> body = lost(code);
            body.put(field, value);
            try (Response res = APP.post("thu.ngan", "/api/incidents", body)) {
                assertThat(res.getStatus()).as(field).isEqualTo(422);
                assertThat(res.readEntity(String.class)).as(field).contains(field);
            }
        });
        // amounts that would overflow the arithmetic are refused, not a 500
        Map<String, Object> huge = lost(code);
        huge.put("reissueCosts", Long.MAX_VALUE / 2);
        try (Response res = APP.post("thu.ngan", "/api/incidents", huge)) {
            assertThat(res.getStatus()).isEqualTo(422);
            assertThat(res.readEntity(String.class)).contains("reissueCosts");
        }
        // the complaint about this dossier links
        try (Response res = APP.post(
                "thu.ngan",
                "/api/complaints",
                Map.of(
                        "dossier", code,
                        "complainant", "APPLICANT",
                        "name", Dossiers.NAME,
                        "channel", "PHONE",
                        "content", "Hồ sơ bị thất lạc?"))) {
            Map<String, Object> body = lost(code);
            String complaint = (String) json(res).get("number");
            body.put("complaint", complaint);
            assertThat(record(body)).containsEntry("complaint", complaint);
        }
    }
}
