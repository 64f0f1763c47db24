package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.agencysim.AgencySimulator;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.TestApp;

/**
 * The due dates follow what the agency does, over the API against the agency simulator: a delay
 * moves the return date with the appointment, a supplement re-bases the hand-over date, the
 * collection of the result re-bases the return date; the overdue list reads the moved dates. A new
 * appointment that is not later is refused; late notices are applied and flagged for the reports.
 * Dossiers are taken in today, so their dates are set back in the database to stand for older ones.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AgencyClocksTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.extension();
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String CLERK = "clerk.hn";
    /** The office serving the judicial records department: it collects the results. */
    static final String COLLECTOR = "clerk.hadong";

    static AgencySimulator sim;
    static String agencyToken;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addSession(CLERK);
        APP.addUser(COLLECTOR, Role.COUNTER, "152000", null);
        APP.addUser("giam-sat", Role.SUPERVISOR, null, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        agencyToken = APP.addTokenUser("stp-hanoi", Role.AGENCY, null, Dossiers.AGENCY);
        sim = AgencySimulator.builder(Handovers.SECRET).start();
        Handovers.http(APP, "admin", Dossiers.AGENCY, sim.baseUrl());
    }

    @AfterAll
    static void tearDown() {
        sim.close();
    }

    @Test
    void aDelayedResultReadyAfterTheOriginalReturnDateIsNotOverdueOnThePostsLeg() {
        String code = delivered(1);
        LocalDate today = today();
        // taken in weeks ago: the appointment was five days ago, the return date two days ago
        setDate(code, "result_due", today.minusDays(5));
        setDate(code, "return_due", today.minusDays(2));

        Answer delayed = event(code, "DELAYED", "newAppointmentDate", today.toString());
        assertThat(delayed.status()).as("%s", delayed.body()).isEqualTo(200);
        assertThat(date(code, "result_due")).isEqualTo(today);
        // the return leg's two working days count from the new appointment, as at intake
        assertThat(date(code, "return_due")).isAfter(today);

        assertThat(event(code, "RESULT_READY", "resultReference", "LLTP-2026/77")
                        .body())
                .containsEntry("status", "RESULT_READY");
        assertThat(overdueCodes()).doesNotContain(code);
        Map<String, Object> clock = clockOf(code);
        assertThat(clock).containsEntry("stage", "TO_APPLICANT").containsEntry("overdue", false);
    }

    @Test
    void aSupplementReceivedTodayIsHandedOverAgainstTodayNotTheOriginalDate() {
        String code = delivered(2);
        LocalDate atIntake = date(code, "handover_due");
        setDate(code, "handover_due", today().minusDays(20));

        assertThat(event(code, "SUPPLEMENT_REQUESTED", "reason", "Thiếu bản sao giấy khai sinh")
                        .body())
                .containsEntry("status", "SUPPLEMENT_REQUESTED");
        assertThat(lateNotice(code, "SUPPLEMENT_REQUESTED"))
                .as("asked the day it was received")
                .isNull();
        try (Response done = APP.as(CLERK, "/api/dossiers/" + code + "/supplements?component=TO_KHAI&note=bo-sung")
                .post(Multipart.file("giấy khai sinh.pdf", "application/pdf", Scans.pdf(1))
                        .entity())) {
            assertThat(done.getStatus()).isEqualTo(200);
        }
        // received today, like the dossier itself: the same J, the same allowance, the same date
        assertThat(date(code, "handover_due")).isEqualTo(atIntake);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        assertThat(date(code, "handover_due")).isEqualTo(atIntake);
    }

    @Test
    void aResultCollectedAfterItsReturnDateGetsTheReturnLegFromTheCollectionAndNeverAnEarlierDate() {
        LocalDate today = today();
        String late = readyForCollection(3);
        setDate(late, "return_due", today.minusDays(3));
        String early = readyForCollection(4);
        setDate(early, "return_due", today.plusDays(30));
        assertThat(overdueCodes()).contains(late);

        collect(late);
        collect(early);

        assertThat(date(late, "return_due")).isAfter(today);
        assertThat(overdueCodes()).doesNotContain(late);
        assertThat(date(early, "return_due"))
                .as("the date the applicant was given")
                .isEqualTo(today.plusDays(30));
    }

    @Test
    void aNewAppointmentNotAfterTheCurrentOneIsRefusedNamingTheField() {
        String code = delivered(5);
        LocalDate appointment = date(code, "result_due");
        for (LocalDate wrong : List.of(appointment, appointment.minusDays(1))) {
            Answer refused = event(code, "DELAYED", "newAppointmentDate", wrong.toString());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().toString()).contains("newAppointmentDate", appointment.toString());
        }
        assertThat(date(code, "result_due")).isEqualTo(appointment);
        assertThat(Handovers.eventTypes(APP, code)).doesNotContain("DELAYED", "AGENCY_DELAYED");

        Answer inTime = event(
                code, "DELAYED", "newAppointmentDate", appointment.plusDays(14).toString());
        assertThat(inTime.status()).isEqualTo(200);
        assertThat(lateNotice(code, "DELAYED"))
                .as("two weeks ahead of the old date")
                .isNull();
    }

    @Test
    void aDelayAnnouncedOnTheDayOfTheAppointmentIsAppliedAndFlaggedLate() {
        String code = delivered(6);
        setDate(code, "result_due", today());
        Answer delayed = event(
                code, "DELAYED", "newAppointmentDate", today().plusDays(10).toString());
        assertThat(delayed.body()).containsEntry("outcome", "APPLIED");
        assertThat(date(code, "result_due")).isEqualTo(today().plusDays(10));
        assertThat(lateNotice(code, "DELAYED")).isEqualTo("LATE_DELAY_NOTICE");
        assertThat(Handovers.eventTypes(APP, code)).containsSubsequence("DELAYED", "LATE_DELAY_NOTICE");
        assertThat(staffPage(code)).contains("Báo muộn: cơ quan hẹn lại sát ngày hẹn cũ");
    }

    @Test
    void aSupplementRequestedAMonthAfterTheReceiptIsAppliedAndFlaggedAsTheAgencysFault() {
        String code = delivered(7);
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE dossier SET filed_at = ? WHERE code = ?",
                        OffsetDateTime.now(ZONE).minusDays(30),
                        code));
        assertThat(event(code, "SUPPLEMENT_REQUESTED", "reason", "Thiếu ảnh 4x6")
                        .body())
                .containsEntry("status", "SUPPLEMENT_REQUESTED");
        assertThat(lateNotice(code, "SUPPLEMENT_REQUESTED")).isEqualTo("LATE_SUPPLEMENT_REQUEST");
        assertThat(Handovers.eventTypes(APP, code))
                .containsSubsequence("SUPPLEMENT_REQUESTED", "LATE_SUPPLEMENT_REQUEST");
        assertThat(staffPage(code)).contains("Yêu cầu bổ sung quá hạn (lỗi của cơ quan)");
    }

    // --- helpers

    record Answer(int status, Map<String, Object> body) {}

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    static String delivered(int seed) {
        String code = Handovers.digitised(APP, CLERK, seed);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        return code;
    }

    static String readyForCollection(int seed) {
        String code = delivered(seed);
        assertThat(event(code, "RESULT_READY", "resultReference", "LLTP-2026/" + seed)
                        .status())
                .isEqualTo(200);
        return code;
    }

    static void collect(String code) {
        Map<String, Object> body = Map.of(
                "agencyOfficer",
                "Trần Văn Bình",
                "items",
                List.of(Map.of("name", "Phiếu lý lịch tư pháp số 1", "kind", "RESULT", "copies", 1)));
        try (Response r = APP.post(COLLECTOR, "/api/dossiers/" + code + "/collection", body)) {
            assertThat(r.getStatus()).isEqualTo(201);
        }
    }

    /** An agency event sent now, under a fresh event id. */
    static Answer event(String code, String type, String... more) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", type + "-" + code + "-" + System.nanoTime());
        e.put("dossierCode", code);
        e.put("type", type);
        e.put("at", OffsetDateTime.now(ZONE).withNano(0).toString());
        for (int i = 0; i < more.length; i += 2) {
            e.put(more[i], more[i + 1]);
        }
        try (Response r = EXT.client()
                .target(APP.url("/api/agency/events"))
                .request()
                .header("Authorization", "Bearer " + agencyToken)
                .post(Entity.entity(e, MediaType.APPLICATION_JSON_TYPE))) {
            return new Answer(r.getStatus(), TestApp.json(r));
        }
    }

    static void setDate(String code, String column, LocalDate day) {
        APP.jdbi().useHandle(h -> h.execute("UPDATE dossier SET " + column + " = ? WHERE code = ?", day, code));
    }

    static LocalDate date(String code, String column) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT " + column + " FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapTo(LocalDate.class)
                        .one());
    }

    /** The flag kept on the applied event of that type (null when on time). */
    static String lateNotice(String code, String type) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT late_notice FROM agency_event "
                                + "WHERE dossier_code = :c AND type = :t AND outcome = 'APPLIED'")
                        .bind("c", code)
                        .bind("t", type)
                        .mapTo(String.class)
                        .one());
    }

    @SuppressWarnings("unchecked")
    static List<String> overdueCodes() {
        try (Response r =
                APP.as("giam-sat", "/api/dossiers?overdue=true&limit=500").get()) {
            assertThat(r.getStatus()).isEqualTo(200);
            return ((List<Map<String, Object>>) TestApp.json(r).get("items"))
                    .stream().map(d -> (String) d.get("code")).toList();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> clockOf(String code) {
        try (Response r = APP.as(CLERK, "/api/dossiers/" + code).get()) {
            return (Map<String, Object>) TestApp.json(r).get("clock");
        }
    }

    static String staffPage(String code) {
        try (Response r = APP.page(CLERK, "/counter/ho-so/" + code)) {
            assertThat(r.getStatus()).isEqualTo(200);
            return r.readEntity(String.class);
        }
    }
}
