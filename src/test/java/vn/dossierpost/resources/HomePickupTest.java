package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;
import static vn.dossierpost.support.TestApp.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Home pickup end to end over HTTP on the real service (QĐ 45/2016 Art. 6): a clerk books a visit,
 * the courier of the commune sees it, the counter's checklist refuses an incomplete dossier at the
 * door, a complete one is received with its code, S10 number, payment and the applicant's message;
 * a visit nobody answers is moved once, then the booking is cancelled.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HomePickupTest {
    static final TestApp APP = new TestApp(ConfigOverride.config("tracking.bookingBurst", "4"));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String CLERK = "gdv.thu";
    static final String COURIER = "buuta.thu";
    static final String OTHER_COURIER = "buuta.khac";
    static final String COMMUNE = "00070";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void setUp() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(COURIER, Role.COURIER, Dossiers.OFFICE, null);
        APP.addUser(OTHER_COURIER, Role.COURIER, Dossiers.OFFICE, null);
        assertThat(status(APP.as(CLERK, "/api/couriers/" + COURIER + "/communes")
                        .put(Entity.json(Map.of("communes", List.of(COMMUNE))))))
                .isEqualTo(200);
    }

    @Test
    void bookedVisitSeenByTheCourierIncompleteDossierRefusedCompleteOneReceivedWithCodeS10PaymentAndMessage() {
        LocalDate day = workingDays().get(0);
        Map<String, Object> booked = book(day, "MORNING", COMMUNE, 201);
        String booking = (String) booked.get("code");
        assertThat(booking).matches("TG-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(booked).containsEntry("courier", COURIER).containsEntry("state", "BOOKED");
        assertThat(bookingMessages(booking)).contains("HOME_PICKUP_BOOKED SMS");

        List<Map<String, Object>> list = visits(COURIER, day);
        assertThat(list).extracting(v -> v.get("code")).contains(booking);
        assertThat(visits(OTHER_COURIER, day)).extracting(v -> v.get("code")).doesNotContain(booking);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checklist = (List<Map<String, Object>>) list.stream()
                .filter(v -> v.get("code").equals(booking))
                .findFirst()
                .orElseThrow()
                .get("documents");
        assertThat(checklist).extracting(d -> d.get("code")).contains("TO_KHAI", "GIAY_TO_TUY_THAN");

        Map<String, Object> incomplete = atTheDoor();
        Dossiers.components(incomplete).removeIf(c -> c.get("code").equals("GIAY_TO_TUY_THAN"));
        Response refused = APP.post(COURIER, "/api/couriers/me/home-pickups/" + booking + "/intake", incomplete);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.readEntity(String.class)).contains("missing required document GIAY_TO_TUY_THAN");
        assertThat(status(APP.post(OTHER_COURIER, "/api/couriers/me/home-pickups/" + booking + "/intake", atTheDoor())))
                .isEqualTo(403);

        Response received = APP.post(COURIER, "/api/couriers/me/home-pickups/" + booking + "/intake", atTheDoor());
        assertThat(received.getStatus()).isEqualTo(201);
        Map<String, Object> dossier = json(received);
        String code = (String) dossier.get("code");
        String s10 = (String) dossier.get("s10Number");
        assertThat(code).matches("000\\.00\\.15\\.H26-\\d{6}-\\d{4}");
        assertThat(s10).matches("[A-Z]{2}\\d{9}VN");
        assertThat(dossier).containsEntry("status", "RECEIVED").containsEntry("receivedBy", COURIER);
        assertThat(dossier.get("office").toString()).contains(Dossiers.OFFICE);
        assertThat(dossier.get("applicant").toString()).contains(Dossiers.NAME); // from the booking

        Map<String, Object> payment =
                json(APP.as(CLERK, "/api/dossiers/" + code + "/payment").get());
        assertThat(payment)
                .containsEntry("state", "PAID")
                .containsEntry("method", "CASH")
                .containsEntry("takenBy", COURIER);
        List<Map<String, Object>> messages = notifications(code);
        assertThat(messages)
                .anySatisfy(m -> assertThat(m)
                        .containsEntry("kind", "RECEIVED")
                        .containsEntry("channel", "SMS")
                        .satisfies(x -> assertThat((String) x.get("body"))
                                .contains(code)
                                .contains("https://tracuu.example.vn/track/" + s10)));
        List<Map<String, Object>> events =
                APP.as(CLERK, "/api/dossiers/" + code + "/events").get(List.class);
        assertThat((String) events.get(0).get("note")).contains("Thu gom tại nhà", booking);
        assertThat(status(APP.as(CLERK, "/api/dossiers/" + code + "/slip.pdf").get()))
                .isEqualTo(200);

        Map<String, Object> after =
                json(APP.as(CLERK, "/api/home-pickups/" + booking).get());
        assertThat(after).containsEntry("state", "PICKED_UP").containsEntry("dossierCode", code);
        assertThat(status(APP.post(COURIER, "/api/couriers/me/home-pickups/" + booking + "/intake", atTheDoor())))
                .isEqualTo(409);
    }

    @Test
    void nobodyHomeMovesTheVisitOnceThenTheSecondTimeCancelsItAndTellsTheApplicant() {
        List<LocalDate> days = workingDays();
        String booking = (String) book(days.get(0), "AFTERNOON", COMMUNE, 201).get("code");
        String failed = "/api/couriers/me/home-pickups/" + booking + "/failed";

        Map<String, Object> moved = json(APP.post(COURIER, failed, Map.of("reason", "Không có người ở nhà")));
        assertThat(moved)
                .containsEntry("state", "RESCHEDULED")
                .containsEntry("failedVisits", 1)
                .containsEntry("date", days.get(1).toString())
                .containsEntry("window", "AFTERNOON");
        assertThat(visits(COURIER, days.get(1))).extracting(v -> v.get("code")).contains(booking);
        assertThat(visits(COURIER, days.get(0))).extracting(v -> v.get("code")).doesNotContain(booking);

        Map<String, Object> cancelled = json(APP.post(COURIER, failed, Map.of("reason", "Vẫn không có người")));
        assertThat(cancelled).containsEntry("state", "CANCELLED").containsEntry("failedVisits", 2);
        assertThat(bookingMessages(booking))
                .containsSubsequence(
                        "HOME_PICKUP_BOOKED SMS", "HOME_PICKUP_RESCHEDULED SMS", "HOME_PICKUP_CANCELLED SMS");
        assertThat(status(APP.post(COURIER, failed, Map.of("reason", "lần ba"))))
                .isEqualTo(409);
        assertThat(status(APP.post(COURIER, "/api/couriers/me/home-pickups/" + booking + "/intake", atTheDoor())))
                .isEqualTo(409);
    }

    @Test
    void aBookingOnAWeekendInThePastWithAnUnknownWindowOrWhereNoCourierGoesIsRefusedNamingTheField() {
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate saturday = today.plusDays(1);
        while (saturday.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
            saturday = saturday.plusDays(1);
        }
        assertThat(errors(book(saturday, "MORNING", COMMUNE, 422))).containsKey("date");
        assertThat(errors(book(today.minusDays(1), "MORNING", COMMUNE, 422)).get("date"))
                .contains("past");
        assertThat(errors(book(workingDays().get(0), "EVENING", COMMUNE, 422))).containsKey("window");
        assertThat(errors(book(workingDays().get(0), "MORNING", "00004", 422)).get("applicant.address.communeCode"))
                .contains("no courier");
        assertThat(status(APP.post(COURIER, "/api/home-pickups", Map.of()))).isEqualTo(403);
    }

    @Test
    void aCitizenBooksWithoutSigningInThreeOpenBookingsAPhoneAtMostAndFewRequestsAnAddress() throws Exception {
        Map<String, Object> body = Map.of(
                "procedureCode",
                Dossiers.PROCEDURE,
                "applicant",
                Map.of(
                        "fullName", "Phạm Minh Tuấn",
                        "phone", "0987000111",
                        "address", Map.of("street", "Số 3 phố Tràng Tiền", "communeCode", COMMUNE)),
                "date",
                workingDays().get(1).toString(),
                "window",
                "MORNING");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> booked = anonymous(body);
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            Map<?, ?> answer = JSON.readValue(booked.body(), Map.class);
            assertThat((String) answer.get("code")).startsWith("TG-");
            assertThat(answer.containsKey("courier")).isFalse();
            assertThat(answer.containsKey("documents")).isTrue();
        }
        HttpResponse<String> fourth = anonymous(body);
        assertThat(fourth.statusCode()).isEqualTo(422);
        assertThat(errors(JSON.readValue(fourth.body(), Map.class)).get("applicant.phone"))
                .contains("3 open bookings");
        HttpResponse<String> fifth = anonymous(body);
        assertThat(fifth.statusCode())
                .as("the address's burst (4 here) is spent")
                .isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void intakeAtTheCounterTellsTheApplicantTheCodeAndTrackingLinkBySmsAndEmail() {
        Map<String, Object> dossier = json(APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord()));
        String code = (String) dossier.get("code");
        List<Map<String, Object>> messages = notifications(code);
        assertThat(messages)
                .extracting(m -> m.get("kind") + " " + m.get("channel"))
                .containsExactlyInAnyOrder("RECEIVED SMS", "RECEIVED EMAIL");
        assertThat(messages)
                .allSatisfy(m -> assertThat((String) m.get("body"))
                        .contains(code)
                        .contains("https://tracuu.example.vn/track/" + dossier.get("s10Number")));
    }

    /** A booking for judicial record No. 1 at the sample applicant's address; the answer in the expected status. */
    private static Map<String, Object> book(LocalDate day, String window, String commune, int expected) {
        Map<String, Object> applicant = Map.of(
                "fullName",
                Dossiers.NAME,
                "phone",
                Dossiers.PHONE,
                "email",
                "nhung.nguyen@example.vn",
                "address",
                Map.of("street", Dossiers.STREET, "communeCode", commune));
        Response res = APP.post(
                CLERK,
                "/api/home-pickups",
                Map.of(
                        "procedureCode",
                        Dossiers.PROCEDURE,
                        "applicant",
                        applicant,
                        "date",
                        day.toString(),
                        "window",
                        window));
        Map<String, Object> body = json(res);
        assertThat(res.getStatus()).as(body.toString()).isEqualTo(expected);
        return body;
    }

    /** With the JDK client: the test's Apache client would itself wait out a 429's Retry-After and retry. */
    private static HttpResponse<String> anonymous(Map<String, Object> body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(APP.url("/api/public/home-pickups")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** What the courier gives at the door: the identity checked, the documents, the service and the payment. */
    private static Map<String, Object> atTheDoor() {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.remove("procedureCode");
        body.put("applicant", new HashMap<>(Map.of("citizenId", Dossiers.CITIZEN_ID)));
        body.put("paymentMethod", "CASH");
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> visits(String courier, LocalDate day) {
        return APP.as(courier, "/api/couriers/me/home-pickups?date=" + day).get(List.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> notifications(String code) {
        return APP.as(CLERK, "/api/dossiers/" + code + "/notifications").get(List.class);
    }

    private static List<String> bookingMessages(String booking) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT n.kind || ' ' || n.channel FROM notification n "
                                + "JOIN home_pickup p ON p.id = n.home_pickup_id WHERE p.code = :code ORDER BY n.id")
                        .bind("code", booking)
                        .mapTo(String.class)
                        .list());
    }

    /** The next working days after today, by the service's calendar (weekends and days off left out). */
    private static List<LocalDate> workingDays() {
        LocalDate today = LocalDate.now(VIETNAM);
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT d::date FROM generate_series(CAST(:from AS date), "
                                + "CAST(:from AS date) + 20, interval '1 day') d LEFT JOIN calendar_day c ON c.day = d::date "
                                + "WHERE c.kind = 'WORKING_DAY' OR (extract(isodow FROM d) < 6 AND c.kind IS NULL) "
                                + "ORDER BY d LIMIT 2")
                        .bind("from", today.plusDays(1))
                        .mapTo(LocalDate.class)
                        .list());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(Map<?, ?> body) {
        Map<String, String> byField = new HashMap<>();
        ((List<Map<String, Object>>) body.get("errors"))
                .forEach(e -> byField.put((String) e.get("field"), (String) e.get("message")));
        return byField;
    }
}
