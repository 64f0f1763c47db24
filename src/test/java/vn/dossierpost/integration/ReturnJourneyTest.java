package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.Scans.sha256;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.agencysim.AgencySimulator;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.ProjectionParity;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.StoreFiles;
import vn.dossierpost.support.TestApp;

/**
 * The citizen's whole journey against the project's agency simulator over HTTP: intake, scans,
 * handover, the agency's RESULT_READY, collection at the agency by the office serving it, arrival
 * at the delivering office, the courier's attempts from a phone (resent, raced, too early), holding
 * at the office, the hand-over at the counter, the return to the agency, money on delivery and the
 * end-of-day cash, public tracking with UPU events, and the agency told through its channel.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReturnJourneyTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.extension();
    /** Intake and delivery: the Hà Nội central office. */
    static final String CLERK = "clerk.hn";
    /** The office serving the judicial records department (commune 09556): Hà Đông. */
    static final String COLLECTOR = "clerk.hadong";

    static final String COURIER = "buuta.lan";
    static final String OTHER_COURIER = "buuta.minh";
    static final String RESULT = "LLTP-2026/0001234";
    static AgencySimulator sim;
    static String agencyToken;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(COLLECTOR, Role.COUNTER, "152000", null);
        APP.addUser(COURIER, Role.COURIER, Dossiers.OFFICE, null);
        APP.addUser(OTHER_COURIER, Role.COURIER, Dossiers.OFFICE, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        agencyToken = APP.addTokenUser("stp-hanoi", Role.AGENCY, null, Dossiers.AGENCY);
        sim = AgencySimulator.builder(Handovers.SECRET).start();
        Handovers.http(APP, "admin", Dossiers.AGENCY, sim.baseUrl());
        Map<String, Object> communes = json(
                APP.as(CLERK, "/api/couriers/" + COURIER + "/communes")
                        .put(Entity.json(Map.of("communes", List.of("00070")))),
                200);
        assertThat(communes.get("communes")).isEqualTo(List.of("00070"));
    }

    @AfterAll
    static void tearDown() {
        sim.close();
        ProjectionParity.check(APP); // every dossier's public answer, as the timeline would give it
    }

    @Test
    void homeDeliveryFailsTwiceThenTheApplicantCollectsAtTheCounter() {
        String code = Handovers.digitised(APP, CLERK, 1);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        assertThat(agencyEvent("kq-" + code, code, Map.of("resultReference", RESULT))
                        .get("outcome"))
                .isEqualTo("APPLIED");

        // the pickup task is the serving office's, not the intake office's
        assertThat(pickupCodes(COLLECTOR)).contains(code);
        assertThat(pickupCodes(CLERK)).doesNotContain(code);
        assertThat(status(APP.post(CLERK, "/api/dossiers/" + code + "/collection", collection())))
                .isEqualTo(403);
        Map<String, Object> bad = json(
                APP.post(
                        COLLECTOR,
                        "/api/dossiers/" + code + "/collection",
                        Map.of(
                                "items",
                                List.of(Map.of(
                                        "name", "Bản sao giấy khai sinh", "kind", "ORIGINAL_RETURNED", "copies", 1)))),
                422);
        assertThat(bad.toString()).contains("kind RESULT");

        Map<String, Object> item =
                json(APP.post(COLLECTOR, "/api/dossiers/" + code + "/collection", collection()), 201);
        String s10 = (String) item.get("s10Number");
        assertThat(S10Number.isValid(s10)).isTrue();
        assertThat(item.get("status")).isEqualTo("RESULT_COLLECTED");
        assertThat(item.get("arrivedAt")).isNull();
        assertThat(status(APP.post(COLLECTOR, "/api/dossiers/" + code + "/collection", collection())))
                .isEqualTo(409);
        assertThat(pickupCodes(COLLECTOR)).doesNotContain(code);
        Map<String, Object> dossier =
                json(APP.as(CLERK, "/api/dossiers/" + code).get(), 200);
        assertThat(dossier.get("returnS10Number")).isEqualTo(s10);
        assertThat(remitted(code)).isEqualTo(200_000L); // the procedure's government fee, collected at intake

        try (Response pdf =
                APP.as(COLLECTOR, "/api/deliveries/" + s10 + "/slip.pdf").get()) {
            assertThat(pdf.getStatus()).isEqualTo(200);
            assertThat(pdf.getMediaType().toString()).startsWith("application/pdf");
            assertThat(new String(pdf.readEntity(byte[].class), 0, 5)).isEqualTo("%PDF-");
        }

        // not at the delivering office yet: nothing for the courier
        assertThat(courierItems(COURIER)).doesNotContain(s10);
        Map<String, Object> arrived = json(APP.post(CLERK, "/api/deliveries/" + s10 + "/arrival", Map.of()), 200);
        assertThat(arrived.get("courier")).isEqualTo(COURIER); // by the commune of the address
        assertThat(status(APP.post(CLERK, "/api/deliveries/" + s10 + "/arrival", Map.of())))
                .isEqualTo(409);
        assertThat(courierItems(COURIER)).contains(s10);
        assertThat(courierItems(OTHER_COURIER)).doesNotContain(s10);
        assertThat(status(APP.as(OTHER_COURIER, "/api/deliveries/" + s10).get()))
                .isEqualTo(403);

        Map<String, Object> out =
                attempt(COURIER, s10, Map.of("clientAttemptId", "a1", "outcome", "OUT_FOR_DELIVERY"), 200);
        assertThat(out.get("status")).isEqualTo("OUT_FOR_DELIVERY");
        // a phone on a poor connection sends it again: the same answer, nothing moves
        assertThat(attempt(COURIER, s10, Map.of("clientAttemptId", "a1", "outcome", "OUT_FOR_DELIVERY"), 200))
                .isEqualTo(out);
        assertThat(status(APP.post(
                        OTHER_COURIER,
                        "/api/deliveries/" + s10 + "/attempts",
                        Map.of(
                                "clientAttemptId",
                                "x1",
                                "outcome",
                                "FAILED",
                                "reason",
                                "NOT_AT_HOME",
                                "action",
                                "RETRY"))))
                .isEqualTo(403);
        Map<String, Object> failed = attempt(COURIER, s10, failure("a2", "NOT_AT_HOME", "RETRY"), 200);
        assertThat(failed.get("status")).isEqualTo("DELIVERY_FAILED");
        LocalDate next = LocalDate.parse((String) failed.get("nextAttemptFrom"));
        assertThat(next).isAfterOrEqualTo(today().plusDays(2));
        assertThat(attempt(COURIER, s10, failure("a2", "NOT_AT_HOME", "RETRY"), 200))
                .isEqualTo(failed);
        assertThat(courierItems(COURIER)).doesNotContain(s10); // not due again today
        // the applicant was told the courier was coming, then that nobody was home and from when it
        // comes again: once each, though the phone sent the failure twice
        List<Map<String, Object>> told = messages(code);
        assertThat(told.stream()
                        .map(m -> m.get("kind"))
                        .filter(k ->
                                !"RECEIVED".equals(k) && !"DELIVERED_TO_AGENCY".equals(k) && !"RESULT_READY".equals(k))
                        .distinct())
                .containsExactly("OUT_FOR_DELIVERY", "DELIVERY_FAILED");
        assertThat(told)
                .filteredOn(m -> "DELIVERY_FAILED".equals(m.get("kind")) && "EMAIL".equals(m.get("channel")))
                .singleElement()
                .satisfies(m -> assertThat((String) m.get("body"))
                        .contains(s10)
                        .contains("phát lại từ ngày "
                                + next.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));

        // the second attempt no sooner than two working days after the first
        Map<String, Object> early =
                attempt(COURIER, s10, Map.of("clientAttemptId", "a3", "outcome", "OUT_FOR_DELIVERY"), 409);
        assertThat(early.toString()).contains(next.toString());
        twoWorkingDaysPass(s10);
        assertThat(courierItems(COURIER)).contains(s10);
        assertThat(attempt(COURIER, s10, Map.of("clientAttemptId", "a3", "outcome", "OUT_FOR_DELIVERY"), 200)
                        .get("status"))
                .isEqualTo("OUT_FOR_DELIVERY");
        Map<String, Object> second = attempt(COURIER, s10, failure("a4", "NOT_AT_HOME", "RETRY"), 200);
        assertThat(second.get("status")).isEqualTo("HELD_AT_OFFICE");
        assertThat(second.get("heldUntil")).isNotNull();
        assertThat(notificationKinds(code)).contains("HELD_AT_OFFICE");

        // held: the courier can no longer deliver it; the counter hands it over with the identity check
        attempt(COURIER, s10, delivered("a5", "SELF", Dossiers.CITIZEN_ID), 409);
        Map<String, Object> wrongId = attempt(CLERK, s10, delivered("c1", "SELF", "001190999999"), 422);
        assertThat(wrongId.toString()).contains("idNumber");
        Map<String, Object> handed = attempt(CLERK, s10, delivered("c2", "SELF", Dossiers.CITIZEN_ID), 200);
        assertThat(handed.get("status")).isEqualTo("DELIVERED");
        assertThat(Handovers.status(APP, code)).isEqualTo("DELIVERED");
        assertThat(storedIdDigits(code)).containsExactly("3456");
        assertThat(fullIdStored(code)).isFalse();

        awaitNotice(code + "/RESULT_DELIVERED");

        Map<String, Object> track = json(APP.as(CLERK, "/api/track/" + s10).get(), 200);
        List<String> upu = new ArrayList<>();
        for (Object step : (List<?>) track.get("events")) {
            Object codeOf = ((Map<?, ?>) step).get("upuEventCode");
            if (codeOf != null) upu.add((String) codeOf);
        }
        assertThat(upu).containsSubsequence("EMA", "EMG", "EDG", "EMH", "EDG", "EMH", "EMH", "EMI");
        assertThat(track.toString())
                .contains("Người nhận vắng nhà")
                .doesNotContain(Dossiers.CITIZEN_ID)
                .doesNotContain(Dossiers.PHONE);
    }

    @Test
    void homeDeliveryAtTheFirstAttempt() {
        ReturnItem item = atTheDeliveringOffice(2, "LLTP-2026/0002222");
        String code = item.dossierCode();
        String s10 = item.s10();
        attempt(COURIER, s10, Map.of("clientAttemptId", "h1", "outcome", "OUT_FOR_DELIVERY"), 200);
        // in the courier's hands now: not given to another, and a reused id is not taken for a resend
        assertThat(json(
                                APP.as(CLERK, "/api/deliveries/" + s10 + "/assignment")
                                        .put(Entity.json(Map.of("courier", OTHER_COURIER))),
                                409)
                        .toString())
                .contains("OUT_FOR_DELIVERY");
        Map<String, Object> reused = attempt(COURIER, s10, delivered("h1", "SELF", Dossiers.CITIZEN_ID), 422);
        assertThat(reused.get("field")).isEqualTo("clientAttemptId");
        assertThat(Handovers.status(APP, code)).isEqualTo("OUT_FOR_DELIVERY");
        Map<String, Object> done = attempt(COURIER, s10, delivered("h2", "SELF", Dossiers.CITIZEN_ID), 200);
        assertThat(done.get("status")).isEqualTo("DELIVERED");
        assertThat(done.get("failedAttempts")).isEqualTo(0);
        assertThat(Handovers.eventTypes(APP, code))
                .containsSubsequence(
                        "RECEIVED",
                        "DIGITISED",
                        "IN_TRANSIT_TO_AGENCY",
                        "DELIVERED_TO_AGENCY",
                        "RESULT_READY",
                        "RESULT_COLLECTED",
                        "ARRIVED_AT_DELIVERY_OFFICE",
                        "ASSIGNED_TO_COURIER",
                        "OUT_FOR_DELIVERY",
                        "DELIVERED");
        awaitNotice(code + "/RESULT_DELIVERED");
        rateTheServiceFromTheDeliveryMessage(code);
    }

    /** The delivery message links to a rating form: once per dossier, 1–5, seen in the supervisor's averages. */
    private static void rateTheServiceFromTheDeliveryMessage(String code) {
        String email = APP.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT n.body FROM notification n JOIN dossier d ON d.id = n.dossier_id "
                                        + "WHERE d.code = :c AND n.kind = 'DELIVERED' AND n.channel = 'EMAIL'")
                                .bind("c", code)
                                .mapTo(String.class)
                                .one());
        var link = java.util.regex.Pattern.compile("https?://\\S+(/danh-gia/[A-Za-z0-9_-]{22})")
                .matcher(email);
        assertThat(link.find()).as(email).isTrue();
        String page = link.group(1);
        try (Response form =
                APP.extension().client().target(APP.url(page)).request().get()) {
            assertThat(form.getStatus()).isEqualTo(200);
            assertThat(form.readEntity(String.class)).contains(code, "rating-form");
        }
        try (Response bad = rate(page, "6")) {
            assertThat(bad.getStatus()).isEqualTo(422);
            assertThat(bad.readEntity(String.class)).contains("rating-error", "từ 1 đến 5");
        }
        try (Response thanks = rate(page, "5")) {
            assertThat(thanks.getStatus()).isEqualTo(200);
            assertThat(thanks.readEntity(String.class)).contains("Cảm ơn", "5 / 5");
        }
        try (Response again = rate(page, "1")) {
            assertThat(again.getStatus()).isEqualTo(409);
            assertThat(again.readEntity(String.class)).contains("đã được đánh giá 5 / 5");
        }
        try (Response unknown = rate("/danh-gia/khongcomaxacthuc0000000", "5")) {
            assertThat(unknown.getStatus()).isEqualTo(404);
        }
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        Map<String, Object> averages = json(
                APP.as("supervisor", "/api/satisfaction?from=" + today + "&to=" + today)
                        .get(),
                200);
        assertThat(averages.get("lines").toString())
                .contains("officeCode=" + Dossiers.OFFICE, "procedureCode=" + Dossiers.PROCEDURE, "average=5.0");
    }

    private static Response rate(String page, String score) {
        return APP.extension()
                .client()
                .target(APP.url(page))
                .request()
                .post(Entity.form(new jakarta.ws.rs.core.Form()
                        .param("score", score)
                        .param("comment", "Bưu tá đến đúng hẹn, rất chu đáo.")));
    }

    @Test
    void wrongParametersAreNamed() {
        assertThat(json(APP.as(CLERK, "/api/deliveries?limit=abc").get(), 422).get("field"))
                .isEqualTo("limit");
        assertThat(json(APP.as(COLLECTOR, "/api/pickups?limit=abc").get(), 422).get("field"))
                .isEqualTo("limit");
        assertThat(json(APP.as(COURIER, "/api/courier/cash/%20").put(Entity.json(Map.of("amount", 0))), 422)
                        .get("field"))
                .isEqualTo("date");
        assertThat(json(APP.as(COURIER, "/api/courier/cash/-5000-01-01").put(Entity.json(Map.of("amount", 0))), 422)
                        .get("field"))
                .isEqualTo("date");
        assertThat(json(
                                APP.as(COURIER, "/api/courier/deliveries?date=%2B999999999-12-31")
                                        .get(),
                                422)
                        .get("field"))
                .isEqualTo("date");
        assertThat(json(
                                APP.as(
                                                "supervisor",
                                                "/api/couriers/reconciliation?office=" + Dossiers.OFFICE
                                                        + "&date=%2B999999999-12-31")
                                        .get(),
                                422)
                        .get("field"))
                .isEqualTo("date");
        Map<String, Object> fraction =
                json(APP.as(COURIER, "/api/courier/cash/" + today()).put(Entity.json(Map.of("amount", 150000.9))), 422);
        assertThat(fraction.get("field")).isEqualTo("amount");
        assertThat(fraction.get("message").toString()).contains("whole number");
    }

    @Test
    void updatesSentLateCountFromWhenTheyHappened() {
        ReturnItem item = atTheDeliveringOffice(4, "LLTP-2026/0004444");
        String code = item.dossierCode();
        String s10 = item.s10();
        // the item reached the office 30 days ago; the phone was out of coverage since its failed attempt
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE delivery SET arrived_at = now() - interval '30 days' WHERE s10_number = ?", s10));
        java.time.OffsetDateTime out = java.time.OffsetDateTime.now().minusDays(29);
        Map<String, Object> before = attempt(
                COURIER,
                s10,
                Map.of(
                        "clientAttemptId",
                        "l0",
                        "outcome",
                        "OUT_FOR_DELIVERY",
                        "at",
                        out.minusDays(2).toString()),
                422);
        assertThat(before.toString()).contains("at").contains("arrived at the delivering office");
        attempt(
                COURIER,
                s10,
                Map.of("clientAttemptId", "l1", "outcome", "OUT_FOR_DELIVERY", "at", out.toString()),
                200);
        Map<String, Object> failed = attempt(
                COURIER,
                s10,
                Map.of(
                        "clientAttemptId",
                        "l2",
                        "outcome",
                        "FAILED",
                        "reason",
                        "NOT_AT_HOME",
                        "action",
                        "RETRY",
                        "at",
                        out.plusHours(1).toString()),
                200);
        // two working days from the day it failed, not from the day the phone sent it: due again already
        assertThat(LocalDate.parse((String) failed.get("nextAttemptFrom"))).isBefore(today());
        Map<String, Object> stale = attempt(COURIER, s10, delivered("l3", "SELF", Dossiers.CITIZEN_ID), 409);
        assertThat(stale.toString()).contains("DELIVERY_FAILED");
        attempt(COURIER, s10, Map.of("clientAttemptId", "l4", "outcome", "OUT_FOR_DELIVERY"), 200);
        Map<String, Object> earlier = new HashMap<>(delivered("l5", "SELF", Dossiers.CITIZEN_ID));
        earlier.put("at", out.plusHours(2).toString()); // before the item went out again
        assertThat(attempt(COURIER, s10, earlier, 422).toString()).contains("latest update");
        assertThat(Handovers.status(APP, code)).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(attempt(COURIER, s10, delivered("l5", "SELF", Dossiers.CITIZEN_ID), 200)
                        .get("status"))
                .isEqualTo("DELIVERED");
    }

    @Test
    void aRefusalComesBackByPostAndNothingComesBackForSendOnly() throws Exception {
        String refused = Handovers.digitised(APP, CLERK, 3);
        Handovers.awaitStatus(APP, refused, "DELIVERED_TO_AGENCY");
        Map<String, Object> refusal = new HashMap<>(Map.of(
                "eventId",
                "tc-" + refused,
                "dossierCode",
                refused,
                "type",
                "REFUSED",
                "reason",
                "Hồ sơ không thuộc thẩm quyền giải quyết"));
        try (Response r = EXT.client()
                .target(APP.url("/api/agency/events"))
                .request()
                .header("Authorization", "Bearer " + agencyToken)
                .post(Entity.entity(refusal, MediaType.APPLICATION_JSON_TYPE))) {
            assertThat(r.getStatus()).isEqualTo(200);
        }
        assertThat(pickupKinds(COLLECTOR)).containsEntry(refused, "REFUSAL");
        String s10 = (String) json(
                        APP.post(
                                COLLECTOR,
                                "/api/dossiers/" + refused + "/collection",
                                Map.of(
                                        "items",
                                        List.of(Map.of(
                                                "name",
                                                "Thông báo từ chối giải quyết hồ sơ",
                                                "kind",
                                                "RESULT",
                                                "copies",
                                                1)))),
                        201)
                .get("s10Number");
        try (Response pdf = APP.as(COLLECTOR, "/api/deliveries/" + s10 + "/slip.pdf")
                        .get();
                org.apache.pdfbox.pdmodel.PDDocument doc =
                        org.apache.pdfbox.Loader.loadPDF(pdf.readEntity(byte[].class))) {
            assertThat(java.text.Normalizer.normalize(
                            new org.apache.pdfbox.text.PDFTextStripper().getText(doc), java.text.Normalizer.Form.NFC))
                    .contains("TỪ CHỐI")
                    .contains(s10);
        }

        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("serviceForm", "SEND_ONLY");
        body.remove("delivery");
        String sendOnly =
                (String) json(APP.post(CLERK, "/api/dossiers", body), 201).get("code");
        assertThat(status(APP.upload(
                        CLERK, sendOnly, "TO_KHAI", Multipart.file("tờ khai.pdf", "application/pdf", Scans.pdf(1)))))
                .isEqualTo(201);
        assertThat(status(APP.upload(
                        CLERK, sendOnly, "GIAY_TO_TUY_THAN", Multipart.file("cccd.png", "image/png", Scans.png(1)))))
                .isEqualTo(201);
        Handovers.awaitStatus(APP, sendOnly, "DELIVERED_TO_AGENCY");
        assertThat(agencyEvent("kq-" + sendOnly, sendOnly, Map.of("resultReference", "LLTP-2026/0003333"))
                        .get("outcome"))
                .isEqualTo("APPLIED");
        assertThat(pickupKinds(COLLECTOR)).doesNotContainKey(sendOnly);
    }

    @Test
    void returnOnlyDeliveredAtTheFirstAttemptWithMoneyOnDeliveryAndCash() throws Exception {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("serviceForm", "RETURN_ONLY");
        body.put("agencyReference", "STP-HN-2026-7781");
        body.remove("components");
        @SuppressWarnings("unchecked")
        Map<String, Object> delivery = (Map<String, Object>) body.get("delivery");
        delivery.put("postageOnDelivery", true);
        Map<String, Object> taken = json(APP.post(CLERK, "/api/dossiers", body), 201);
        String code = (String) taken.get("code");
        assertThat(taken.get("status")).isEqualTo("AWAITING_RESULT");
        long due = ((Number) ((Map<?, ?>) taken.get("fees")).get("dueOnDelivery")).longValue();
        assertThat(due).isPositive();
        try (Response pdf = APP.as(CLERK, "/api/dossiers/" + code + "/slip.pdf").get();
                org.apache.pdfbox.pdmodel.PDDocument doc =
                        org.apache.pdfbox.Loader.loadPDF(pdf.readEntity(byte[].class))) {
            assertThat(java.text.Normalizer.normalize(
                            new org.apache.pdfbox.text.PDFTextStripper()
                                    .getText(doc)
                                    .replaceAll("\\s+", " "),
                            java.text.Normalizer.Form.NFC))
                    .contains("thu khi phát kết quả");
        }

        // the agency knows it by its own reference
        Map<String, Object> applied =
                agencyEvent("kq-7781", "STP-HN-2026-7781", Map.of("resultReference", "LLTP-2026/0007781"));
        assertThat(applied.get("outcome")).isEqualTo("APPLIED");
        assertThat(Handovers.status(APP, code)).isEqualTo("RESULT_READY");
        assertThat(pickupCodes(COLLECTOR)).contains(code);

        String s10 = (String) json(APP.post(COLLECTOR, "/api/dossiers/" + code + "/collection", collection()), 201)
                .get("s10Number");
        assertThat(remitted(code)).isZero(); // nothing was collected for the agency at a RETURN_ONLY intake
        json(APP.post(CLERK, "/api/deliveries/" + s10 + "/arrival", Map.of()), 200);
        Map<String, Object> work =
                json(APP.as(COURIER, "/api/courier/deliveries").get(), 200);
        assertThat(((Number) work.get("amountToCollect")).longValue()).isGreaterThanOrEqualTo(due);
        attempt(
                COURIER,
                s10,
                Map.of(
                        "clientAttemptId",
                        "r1",
                        "outcome",
                        "OUT_FOR_DELIVERY",
                        "latitude",
                        21.0285,
                        "longitude",
                        105.8542),
                200);

        // a signature image that is not what it says: refused, nothing recorded
        Map<String, Object> lying = new HashMap<>(delivered("r2", "PROXY", "079088001122"));
        lying.put(
                "proof",
                Map.of("mediaType", "image/jpeg", "base64", Base64.getEncoder().encodeToString(Scans.png(3))));
        assertThat(attempt(COURIER, s10, lying, 422).toString()).contains("proof");
        Map<String, Object> noAuthorisation = new HashMap<>(delivered("r2", "PROXY", "079088001122"));
        noAuthorisation.remove("proxyAuthorisation");
        // an image no other test stores: random bytes after the PNG's end leave it a PNG
        byte[] unusedProof = java.nio.ByteBuffer.allocate(Scans.png(1).length + 16)
                .put(Scans.png(1))
                .put(java.util.UUID.randomUUID().toString().getBytes(), 0, 16)
                .array();
        noAuthorisation.put(
                "proof",
                Map.of("mediaType", "image/png", "base64", Base64.getEncoder().encodeToString(unusedProof)));
        assertThat(attempt(COURIER, s10, noAuthorisation, 422).toString()).contains("proxyAuthorisation");
        StoreFiles files =
                new StoreFiles(java.nio.file.Path.of(((DossierpostConfiguration) EXT.getConfiguration()).getDataDir()));
        assertThat(files.blob(sha256(unusedProof)))
                .as("the refused attempt's image is not kept")
                .doesNotExist();
        assertThat(files.staging()).isEmpty();
        assertThat(Handovers.status(APP, code)).isEqualTo("OUT_FOR_DELIVERY");

        // two devices of the courier send the delivery at once: one wins, the other meets the new state
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Response>> both = List.of(
                    () -> APP.post(
                            COURIER,
                            "/api/deliveries/" + s10 + "/attempts",
                            delivered("phone-" + 1, "PROXY", "079088001122")),
                    () -> APP.post(
                            COURIER,
                            "/api/deliveries/" + s10 + "/attempts",
                            delivered("phone-" + 2, "PROXY", "079088001122")));
            List<Integer> statuses = new ArrayList<>();
            String conflict = null;
            for (Future<Response> f : pool.invokeAll(both)) {
                try (Response r = f.get()) {
                    statuses.add(r.getStatus());
                    if (r.getStatus() == 409) conflict = r.readEntity(String.class);
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(conflict).contains("DELIVERED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(Handovers.status(APP, code)).isEqualTo("DELIVERED");
        assertThat(count(
                        "SELECT count(*) FROM delivery_attempt a JOIN dossier d ON d.id = a.dossier_id WHERE d.code = '"
                                + code
                                + "' AND a.outcome = 'DELIVERED' AND a.proof_sha256 IS NOT NULL AND a.amount_collected = "
                                + due))
                .isEqualTo(1);

        // the office sees what was recorded: the ID's last 4 digits only, and the proof image
        List<?> recorded;
        try (Response r = APP.as(CLERK, "/api/deliveries/" + s10 + "/attempts").get()) {
            assertThat(r.getStatus()).isEqualTo(200);
            recorded = r.readEntity(List.class);
        }
        Map<?, ?> handover = recorded.stream()
                .map(a -> (Map<?, ?>) a)
                .filter(a -> "DELIVERED".equals(a.get("outcome")))
                .findFirst()
                .orElseThrow();
        assertThat(handover.get("idLast4")).isEqualTo("1122");
        assertThat(handover.get("latitude")).isNull();
        assertThat(recorded.toString()).doesNotContain("079088001122");
        try (Response image = APP.as(CLERK, (String) handover.get("proof")).get()) {
            assertThat(image.getStatus()).isEqualTo(200);
            assertThat(image.getMediaType().toString()).isEqualTo("image/png");
            assertThat(image.readEntity(byte[].class)).isEqualTo(Scans.png(5));
        }
        assertThat(status(
                        APP.as(COURIER, "/api/deliveries/" + s10 + "/attempts").get()))
                .isEqualTo(403);

        JsonNode notice = awaitNotice(code + "/RESULT_DELIVERED");
        assertThat(notice.path("agencyReference").asText()).isEqualTo("STP-HN-2026-7781");
        assertThat(notice.path("returnS10Number").asText()).isEqualTo(s10);

        // end of day: the courier hands in less than the deliveries say, then recounts
        String today = today().toString();
        long expected = ((Number) courierLine(today).get("expected")).longValue();
        assertThat(expected).isGreaterThanOrEqualTo(due);
        assertThat(status(APP.as(COURIER, "/api/courier/cash/" + today)
                        .put(Entity.json(Map.of("amount", expected - 1000)))))
                .isEqualTo(204);
        Map<String, Object> line = courierLine(today);
        assertThat(line.get("state")).isEqualTo("SHORT");
        assertThat(((Number) line.get("difference")).longValue()).isEqualTo(-1000);
        assertThat(status(APP.as(COURIER, "/api/courier/cash/" + today).put(Entity.json(Map.of("amount", expected)))))
                .isEqualTo(204);
        assertThat(courierLine(today).get("state")).isEqualTo("BALANCED");
        assertThat(status(APP.as(CLERK, "/api/couriers/reconciliation?office=" + Dossiers.OFFICE)
                        .get()))
                .isEqualTo(403);
        assertThat(json(APP.as(COURIER, "/api/courier/cash/" + today).put(Entity.json(Map.of("amount", -5))), 422)
                        .toString())
                .contains("amount");
    }

    @Test
    void aResultNotCollectedFromTheOfficeGoesBackToTheAgency() {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("delivery", new HashMap<>(Map.of("method", "PICKUP_AT_OFFICE")));
        Map<String, Object> taken = json(APP.post(CLERK, "/api/dossiers", body), 201);
        String code = (String) taken.get("code");
        APP.jdbi().useHandle(h -> h.execute("UPDATE dossier SET status = 'DELIVERED_TO_AGENCY' WHERE code = ?", code));
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO handover (no, agency_code, channel, state, created_at) VALUES (?, ?, 'HTTP', "
                                + "'DELIVERED', now())",
                        "BG-TEST-" + code,
                        Dossiers.AGENCY));
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO handover_item (handover_id, dossier_id, position, state, components, files, "
                                + "bytes, complete, manifest) SELECT h.id, d.id, 1, 'DELIVERED', 2, 2, 1, true, '{}' FROM handover h, dossier d "
                                + "WHERE h.no = ? AND d.code = ?",
                        "BG-TEST-" + code,
                        code));
        agencyEvent("kq-" + code, code, Map.of("resultReference", "LLTP-2026/0009999"));

        String s10 = (String) json(APP.post(COLLECTOR, "/api/dossiers/" + code + "/collection", collection()), 201)
                .get("s10Number");
        Map<String, Object> held = json(APP.post(CLERK, "/api/deliveries/" + s10 + "/arrival", Map.of()), 200);
        assertThat(held.get("status")).isEqualTo("HELD_AT_OFFICE");
        assertThat(held.get("courier")).isNull();
        assertThat(notificationKinds(code)).contains("HELD_AT_OFFICE");

        Map<String, Object> tooSoon = json(APP.post(CLERK, "/api/deliveries/" + s10 + "/return", Map.of()), 409);
        assertThat(tooSoon.toString()).contains((String) held.get("heldUntil"));
        APP.jdbi()
                .useHandle(
                        h -> h.execute("UPDATE delivery SET held_until = current_date - 1 WHERE s10_number = ?", s10));
        Map<String, Object> back =
                json(APP.post(CLERK, "/api/deliveries/" + s10 + "/return", Map.of("note", "quá hạn lưu giữ")), 200);
        assertThat(back.get("status")).isEqualTo("RETURNED_TO_AGENCY");
        assertThat(awaitNotice(code + "/RESULT_RETURNED").path("reason").asText())
                .contains("quá hạn lưu giữ");
        attempt(CLERK, s10, delivered("late", "SELF", Dossiers.CITIZEN_ID), 409);
    }

    // ---- helpers

    record ReturnItem(String dossierCode, String s10) {}

    /** A dossier through the agency to its result, collected and arrived at the delivering office (given to the courier). */
    static ReturnItem atTheDeliveringOffice(int seed, String resultReference) {
        String code = Handovers.digitised(APP, CLERK, seed);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        agencyEvent("kq-" + code, code, Map.of("resultReference", resultReference));
        String s10 = (String) json(APP.post(COLLECTOR, "/api/dossiers/" + code + "/collection", collection()), 201)
                .get("s10Number");
        json(APP.post(CLERK, "/api/deliveries/" + s10 + "/arrival", Map.of()), 200);
        return new ReturnItem(code, s10);
    }

    static Map<String, Object> collection() {
        return Map.of(
                "agencyOfficer",
                "Trần Văn Bình",
                "items",
                List.of(
                        Map.of("name", "Phiếu lý lịch tư pháp số 1", "kind", "RESULT", "copies", 2),
                        Map.of("name", "Bản chính giấy khai sinh", "kind", "ORIGINAL_RETURNED", "copies", 1)));
    }

    static Map<String, Object> failure(String id, String reason, String action) {
        return Map.of("clientAttemptId", id, "outcome", "FAILED", "reason", reason, "action", action);
    }

    static Map<String, Object> delivered(String id, String relation, String idNumber) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientAttemptId", id);
        m.put("outcome", "DELIVERED");
        m.put("recipientName", relation.equals("SELF") ? Dossiers.NAME : "Lê Văn Tùng");
        m.put("relation", relation);
        m.put("idDocumentType", "CCCD");
        m.put("idNumber", idNumber);
        if (relation.equals("PROXY")) m.put("proxyAuthorisation", "Giấy ủy quyền số 15/2026/UQ");
        m.put(
                "proof",
                Map.of("mediaType", "image/png", "base64", Base64.getEncoder().encodeToString(Scans.png(5))));
        return m;
    }

    static Map<String, Object> attempt(String user, String s10, Map<String, Object> body, int expected) {
        return json(APP.post(user, "/api/deliveries/" + s10 + "/attempts", body), expected);
    }

    static Map<String, Object> agencyEvent(String id, String code, Map<String, Object> more) {
        Map<String, Object> e = new HashMap<>(more);
        e.put("eventId", id);
        e.put("dossierCode", code);
        e.put("type", "RESULT_READY");
        Response r = EXT.client()
                .target(APP.url("/api/agency/events"))
                .request()
                .header("Authorization", "Bearer " + agencyToken)
                .post(Entity.entity(e, MediaType.APPLICATION_JSON_TYPE));
        return json(r, 200);
    }

    static Map<String, Object> json(Response r, int expected) {
        try (r) {
            Map<String, Object> body = TestApp.json(r);
            assertThat(r.getStatus()).as("%s", body).isEqualTo(expected);
            return body;
        }
    }

    static int status(Response r) {
        return TestApp.status(r);
    }

    static List<String> pickupCodes(String clerk) {
        try (Response r = APP.as(clerk, "/api/pickups").get()) {
            assertThat(r.getStatus()).isEqualTo(200);
            List<?> list = r.readEntity(List.class);
            return list.stream()
                    .map(p -> (String) ((Map<?, ?>) p).get("dossierCode"))
                    .toList();
        }
    }

    static Map<String, String> pickupKinds(String clerk) {
        try (Response r = APP.as(clerk, "/api/pickups").get()) {
            Map<String, String> kinds = new HashMap<>();
            for (Object p : r.readEntity(List.class)) {
                kinds.put((String) ((Map<?, ?>) p).get("dossierCode"), (String) ((Map<?, ?>) p).get("kind"));
            }
            return kinds;
        }
    }

    static List<String> courierItems(String courier) {
        Map<String, Object> work =
                json(APP.as(courier, "/api/courier/deliveries").get(), 200);
        return ((List<?>) work.get("deliveries"))
                .stream()
                        .filter(d -> ((Map<?, ?>) d).get("finishedAt") == null)
                        .map(d -> (String) ((Map<?, ?>) d).get("s10Number"))
                        .toList();
    }

    static Map<String, Object> courierLine(String day) {
        Map<String, Object> rec = json(
                APP.as("supervisor", "/api/couriers/reconciliation?office=" + Dossiers.OFFICE + "&date=" + day)
                        .get(),
                200);
        return ((List<?>) rec.get("couriers"))
                .stream()
                        .map(l -> {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> m = (Map<String, Object>) l;
                            return m;
                        })
                        .filter(l -> COURIER.equals(l.get("courier")))
                        .findFirst()
                        .orElseThrow();
    }

    /** Two working days later, as far as this item is concerned. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> messages(String code) {
        try (jakarta.ws.rs.core.Response r =
                APP.as(CLERK, "/api/dossiers/" + code + "/notifications").get()) {
            return r.readEntity(List.class);
        }
    }

    static void twoWorkingDaysPass(String s10) {
        APP.jdbi()
                .useHandle(h ->
                        h.execute("UPDATE delivery SET next_attempt_from = current_date WHERE s10_number = ?", s10));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    static long remitted(String code) {
        return APP.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT fee_remitted FROM pickup p JOIN dossier d ON d.id = p.dossier_id "
                                        + "WHERE d.code = :c")
                                .bind("c", code)
                                .mapTo(Long.class)
                                .one());
    }

    static long count(String sql) {
        return APP.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    static List<String> notificationKinds(String code) {
        return APP.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT n.kind FROM notification n JOIN dossier d ON d.id = n.dossier_id "
                                        + "WHERE d.code = :c")
                                .bind("c", code)
                                .mapTo(String.class)
                                .list());
    }

    static List<String> storedIdDigits(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT a.id_last4 FROM delivery_attempt a JOIN dossier d ON d.id = a.dossier_id "
                                        + "WHERE d.code = :c AND a.id_last4 IS NOT NULL")
                        .bind("c", code)
                        .mapTo(String.class)
                        .list());
    }

    /** Whether the full ID number appears anywhere in the attempts recorded (it must not). */
    static boolean fullIdStored(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) > 0 FROM delivery_attempt a JOIN dossier d ON d.id = a.dossier_id "
                                        + "WHERE d.code = :c AND CAST(row_to_json(a) AS text) LIKE :id")
                        .bind("c", code)
                        .bind("id", "%" + Dossiers.CITIZEN_ID + "%")
                        .mapTo(Boolean.class)
                        .one());
    }

    static JsonNode awaitNotice(String eventId) {
        Handovers.await(
                () -> sim.notices().stream()
                        .anyMatch(n -> n.path("eventId").asText().equals(eventId)),
                Duration.ofSeconds(20),
                () -> "the agency to be told " + eventId + "; it has " + sim.notices());
        return sim.notices().stream()
                .filter(n -> n.path("eventId").asText().equals(eventId))
                .findFirst()
                .orElseThrow();
    }
}
