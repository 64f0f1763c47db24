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
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * The complaints register through the API: the clock of 5 working days within a province and 7
 * between provinces, the applicant told on receipt and on the answer, the moves a complaint may
 * make, the overdue list, the six-month limit, and each office seeing its own register.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ComplaintResourceTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @BeforeAll
    static void users() {
        APP.addUser("thu.ngan", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("thu.ngan.sg", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        APP.addUser("kiem.soat", Role.SUPERVISOR, null, null);
    }

    private static String intake(String procedure) {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("procedureCode", procedure);
        try (Response res = APP.post("thu.ngan", "/api/dossiers", body)) {
            Map<String, Object> answer = json(res);
            assertThat(res.getStatus()).as(answer.toString()).isEqualTo(201);
            return (String) answer.get("code");
        }
    }

    private static Map<String, Object> complaint(String dossier) {
        Map<String, Object> body = new HashMap<>();
        body.put("dossier", dossier);
        body.put("complainant", "APPLICANT");
        body.put("name", Dossiers.NAME);
        body.put("phone", "0987654321");
        body.put("channel", "COUNTER");
        body.put("content", "Phiếu hẹn ghi sai ngày trả kết quả, đề nghị Bưu điện kiểm tra lại.");
        return body;
    }

    private static Map<String, Object> record(String user, Map<String, Object> body) {
        try (Response res = APP.post(user, "/api/complaints", body)) {
            Map<String, Object> answer = json(res);
            assertThat(res.getStatus()).as(answer.toString()).isEqualTo(201);
            return answer;
        }
    }

    private static int workingDaysToAnswer(Map<String, Object> complaint) {
        var calendar = new ReferenceDataCache(APP.jdbi()).get().calendar();
        return calendar.workingDaysBetween(
                LocalDate.parse((String) complaint.get("receivedOn")),
                LocalDate.parse((String) complaint.get("answerDue")));
    }

    private static List<String> notificationKinds(String code) {
        return APP.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT n.kind FROM notification n JOIN dossier d ON d.id = n.dossier_id "
                                        + "WHERE d.code = :c AND n.channel = 'SMS' ORDER BY n.id")
                                .bind("c", code)
                                .mapTo(String.class)
                                .list());
    }

    @Test
    void aComplaintIsAnsweredWithinFiveWorkingDaysInAProvinceAndSevenBetweenProvinces() {
        String local = intake(Dossiers.PROCEDURE); // Hà Nội office, Hà Nội agency
        String far = intake("2.000488.000.00.00.H29"); // Hà Nội office, Hồ Chí Minh City agency

        Map<String, Object> near = record("thu.ngan", complaint(local));
        Map<String, Object> across = record("thu.ngan", complaint(far));

        assertThat(near.get("number").toString()).matches("KN-\\d{6}");
        assertThat(near)
                .containsEntry("state", "RECEIVED")
                .containsEntry("interProvince", false)
                .containsEntry("officeCode", Dossiers.OFFICE)
                .containsEntry("receivedBy", "thu.ngan")
                .containsEntry("overdue", false)
                .containsEntry("receivedOn", LocalDate.now(ZONE).toString());
        assertThat(workingDaysToAnswer(near)).isEqualTo(5);
        assertThat(across).containsEntry("interProvince", true);
        assertThat(workingDaysToAnswer(across)).isEqualTo(7);
        assertThat(notificationKinds(local)).contains("COMPLAINT_RECEIVED");
    }

    @Test
    void aSupervisorInvestigatesAndAnswersOnceAndTheApplicantIsToldEachTime() {
        String code = intake(Dossiers.PROCEDURE);
        String number = (String) record("thu.ngan", complaint(code)).get("number");
        String base = "/api/complaints/" + number;

        assertThat(status(APP.post("thu.ngan", base + "/investigation", Map.of())))
                .isEqualTo(403);
        try (Response res = APP.post("kiem.soat", base + "/investigation", Map.of())) {
            assertThat(json(res)).containsEntry("state", "INVESTIGATING");
        }
        try (Response res = APP.post("kiem.soat", base + "/answer", Map.of("answer", " "))) {
            assertThat(res.getStatus()).isEqualTo(422);
            assertThat(res.readEntity(String.class)).contains("answer");
        }
        String answer =
                "Bưu điện đã kiểm tra: ngày hẹn đúng theo phiếu của cơ quan; xin lỗi Ông/Bà vì sự chưa rõ ràng.";
        try (Response res = APP.post("kiem.soat", base + "/answer", Map.of("answer", answer))) {
            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(json(res))
                    .containsEntry("state", "ANSWERED")
                    .containsEntry("answer", answer)
                    .containsEntry("closedBy", "kiem.soat")
                    .containsEntry("closedOn", LocalDate.now(ZONE).toString());
        }
        assertThat(status(APP.post("kiem.soat", base + "/answer", Map.of("answer", "lần hai"))))
                .isEqualTo(409);
        assertThat(status(APP.post("thu.ngan", base + "/withdrawal", Map.of("reason", "rút"))))
                .isEqualTo(409);
        assertThat(notificationKinds(code)).containsSubsequence("COMPLAINT_RECEIVED", "COMPLAINT_ANSWERED");
        String email = APP.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT n.body FROM notification n JOIN dossier d ON d.id = n.dossier_id "
                                        + "WHERE d.code = :c AND n.channel = 'EMAIL' AND n.kind = 'COMPLAINT_ANSWERED'")
                                .bind("c", code)
                                .mapTo(String.class)
                                .one());
        assertThat(email).contains(number, answer);

        // on the staff timeline, not in public tracking
        try (Response res =
                APP.as("thu.ngan", "/api/dossiers/" + code + "/events").get()) {
            assertThat(res.readEntity(String.class)).contains("COMPLAINT_RECEIVED", "COMPLAINT_ANSWERED");
        }
        try (Response res = APP.extension()
                .client()
                .target(APP.url("/api/track/" + code))
                .request()
                .get()) {
            assertThat(res.readEntity(String.class)).doesNotContain("COMPLAINT");
        }
    }

    @Test
    void theOverdueListHoldsOpenComplaintsPastTheirDayOnly() {
        String late = (String)
                record("thu.ngan", complaint(intake(Dossiers.PROCEDURE))).get("number");
        String onTime = (String)
                record("thu.ngan", complaint(intake(Dossiers.PROCEDURE))).get("number");
        String answeredLate = (String)
                record("thu.ngan", complaint(intake(Dossiers.PROCEDURE))).get("number");
        APP.post("kiem.soat", "/api/complaints/" + answeredLate + "/answer", Map.of("answer", "Đã xử lý."))
                .close();
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE complaint SET answer_due = current_date - 1 WHERE id IN (?, ?)",
                        Long.parseLong(late.substring(3)),
                        Long.parseLong(answeredLate.substring(3))));

        List<Map<String, Object>> overdue = APP.as("kiem.soat", "/api/complaints?overdue=true")
                .get(new GenericType<List<Map<String, Object>>>() {});
        assertThat(overdue).extracting(c -> c.get("number")).contains(late).doesNotContain(onTime, answeredLate);
        assertThat(overdue).allSatisfy(c -> assertThat(c).containsEntry("overdue", true));
        assertThat(status(APP.as("kiem.soat", "/api/complaints?overdue=maybe").get()))
                .isEqualTo(422);
    }

    @Test
    void badComplaintsAreRefusedNamingTheFieldAndNothingIsStored() {
        String code = intake(Dossiers.PROCEDURE);
        Map<String, String> cases = Map.of(
                "channel", "FAX",
                "complainant", "FILER", // the dossier has no filer
                "content", " ",
                "receivedOn", "2999-01-01",
                "dossier", "000.00.15.H26-000000-9999",
                "phone", "12345");
        cases.forEach((field, value) -> {
            Map<String, Object> body = complaint(code);
            body.put(field, value);
            try (Response res = APP.post("thu.ngan", "/api/complaints", body)) {
                assertThat(res.getStatus()).as(field).isEqualTo(422);
                assertThat(res.readEntity(String.class)).as(field).contains(field);
            }
        });
        Map<String, Object> early = complaint(code);
        early.put("receivedOn", "2020-01-01");
        try (Response res = APP.post("thu.ngan", "/api/complaints", early)) {
            assertThat(res.getStatus()).isEqualTo(422);
            assertThat(res.readEntity(String.class)).contains("before dossier " + code + " was received");
        }
        int stored = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM complaint c JOIN dossier d ON d.id = c.dossier_id "
                                + "WHERE d.code = :c")
                        .bind("c", code)
                        .mapTo(Integer.class)
                        .one());
        assertThat(stored).isZero();
    }

    @Test
    void aComplaintMoreThanSixMonthsAfterTheServiceIsRefusedWithTheDayOfTheService() {
        String code = intake(Dossiers.PROCEDURE);
        // the dossier as if taken in and last served seven months ago
        APP.jdbi().useHandle(h -> {
            h.execute("ALTER TABLE dossier_event DISABLE TRIGGER dossier_event_no_update");
            try {
                h.execute(
                        "UPDATE dossier_event SET at = at - interval '7 months' WHERE dossier_id = "
                                + "(SELECT id FROM dossier WHERE code = ?)",
                        code);
            } finally {
                h.execute("ALTER TABLE dossier_event ENABLE TRIGGER dossier_event_no_update");
            }
            h.execute("UPDATE dossier SET received_at = received_at - interval '7 months' WHERE code = ?", code);
        });
        try (Response res = APP.post("thu.ngan", "/api/complaints", complaint(code))) {
            assertThat(res.getStatus()).isEqualTo(422);
            assertThat(res.readEntity(String.class)).contains("receivedOn", "6 months", "too late");
        }
    }

    @Test
    void eachOfficeSeesItsOwnRegister() {
        String number = (String)
                record("thu.ngan", complaint(intake(Dossiers.PROCEDURE))).get("number");
        assertThat(status(APP.as("thu.ngan.sg", "/api/complaints/" + number).get()))
                .isEqualTo(403);
        List<Map<String, Object>> theirs =
                APP.as("thu.ngan.sg", "/api/complaints").get(new GenericType<List<Map<String, Object>>>() {});
        assertThat(theirs).extracting(c -> c.get("number")).doesNotContain(number);
        assertThat(status(APP.as("kiem.soat", "/api/complaints/" + number).get()))
                .isEqualTo(200);
        assertThat(status(APP.as("kiem.soat", "/api/complaints/KN-999999").get()))
                .isEqualTo(404);
    }
}
