package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;
import static vn.dossierpost.support.TestApp.status;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.VietQr;
import vn.dossierpost.service.payment.BankSignature;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.PdfCodes;
import vn.dossierpost.support.Results;
import vn.dossierpost.support.TestApp;

/**
 * The money of a dossier through the API: cash paid at intake, VietQR pending until the bank's
 * signed callback (or a clerk) confirms it, a wrong amount held for a supervisor, receipts and
 * refunds numbered per office and year, and no handover while the government fee is unpaid.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PaymentResourceTest {
    static final String SECRET = "bank-callback-secret-for-tests";
    static final TestApp APP = new TestApp(
            ConfigOverride.config("payment.acquirerBin", "970415"),
            ConfigOverride.config("payment.account", "113366668888"),
            ConfigOverride.config("payment.callbackSecret", SECRET));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static String agency;

    @BeforeAll
    static void users() {
        APP.addUser("thu.ngan", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("kiem.soat", Role.SUPERVISOR, null, null);
        agency = APP.addTokenUser("stp-hanoi", Role.AGENCY, null, Dossiers.AGENCY);
    }

    private static String intake(String method) {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("paymentMethod", method);
        try (Response res = APP.post("thu.ngan", "/api/dossiers", body)) {
            Map<String, Object> answer = json(res);
            assertThat(res.getStatus()).as(answer.toString()).isEqualTo(201);
            return (String) answer.get("code");
        }
    }

    private static Map<String, Object> payment(String code) {
        try (Response res =
                APP.as("thu.ngan", "/api/dossiers/" + code + "/payment").get()) {
            assertThat(res.getStatus()).isEqualTo(200);
            return json(res);
        }
    }

    private static Response confirm(String user, String code, Map<String, Object> body) {
        return APP.post(user, "/api/dossiers/" + code + "/payment", body);
    }

    private static Response callback(String body, String signature) {
        var request = EXT.client().target(APP.url("/api/payments/callback")).request();
        if (signature != null) {
            request = request.header("X-Bank-Signature", signature);
        }
        return request.post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    private static Map<String, Object> signedCallback(String tx, String code, long amount) {
        String body = "{\"transactionId\":\"" + tx + "\",\"purpose\":\"" + code + "\",\"amount\":" + amount + "}";
        try (Response res = callback(body, BankSignature.sign(body.getBytes(StandardCharsets.UTF_8), SECRET))) {
            assertThat(res.getStatus()).isEqualTo(200);
            return json(res);
        }
    }

    private static long amountDue(String code) {
        return ((Number) payment(code).get("amountDue")).longValue();
    }

    private static String pdfText(String path) throws Exception {
        try (Response res = APP.as("thu.ngan", path).get()) {
            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(res.getMediaType().toString()).startsWith("application/pdf");
            try (var doc = Loader.loadPDF(res.readEntity(byte[].class))) {
                // kept as a picture under target/screenshots, to look at how it prints
                java.nio.file.Path dir =
                        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
                javax.imageio.ImageIO.write(
                        new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 96),
                        "png",
                        dir.resolve(path.replaceAll("[^A-Za-z0-9.]", "_") + ".png")
                                .toFile());
                return new PDFTextStripper().getText(doc);
            }
        }
    }

    @Test
    void cashIsPaidAtIntakeAndReceiptsAreNumberedInTheOfficeSeriesWithoutGaps() throws Exception {
        String first = intake("CASH");
        String second = intake("CASH");

        Map<String, Object> p = payment(first);
        assertThat(p)
                .containsEntry("state", "PAID")
                .containsEntry("method", "CASH")
                .containsEntry("takenBy", "thu.ngan");
        assertThat(p.get("vietQr")).isNull();
        assertThat((List<?>) p.get("lines")).hasSize(3);
        assertThat(((Number) p.get("amountDue")).longValue()).isGreaterThan(200_000);

        String year = String.valueOf(OffsetDateTime.now().getYear());
        int before = APP.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT count(*) FROM receipt WHERE office_code = :o AND kind = 'RECEIPT'")
                                .bind("o", Dossiers.OFFICE)
                                .mapTo(Integer.class)
                                .one());
        String firstText = pdfText("/api/dossiers/" + first + "/payment/receipt.pdf");
        String secondText = pdfText("/api/dossiers/" + second + "/payment/receipt.pdf");
        String again = pdfText("/api/dossiers/" + first + "/payment/receipt.pdf");

        String firstNumber = String.format("BL-%s-%s-%06d", Dossiers.OFFICE, year, before + 1);
        String secondNumber = String.format("BL-%s-%s-%06d", Dossiers.OFFICE, year, before + 2);
        assertThat(firstText)
                .contains("BIÊN LAI THU TIỀN", firstNumber, first, Dossiers.NAME, "Tiền mặt", "200.000", "thu.ngan");
        assertThat(secondText).contains(secondNumber);
        assertThat(again).contains(firstNumber).doesNotContain(secondNumber);
    }

    /** The QR codes printed on a dossier's slip, read back as a phone would. */
    private static List<String> slipQrCodes(String code, String shot) throws Exception {
        try (Response res =
                APP.as("thu.ngan", "/api/dossiers/" + code + "/slip.pdf").get()) {
            assertThat(res.getStatus()).isEqualTo(200);
            byte[] pdf = res.readEntity(byte[].class);
            try (var doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages())
                        .as("the slip stays on one page")
                        .isEqualTo(1);
                java.nio.file.Path dir =
                        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
                javax.imageio.ImageIO.write(
                        new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 110),
                        "png",
                        dir.resolve("slip-" + shot + ".png").toFile());
            }
            return PdfCodes.scan(pdf).stream()
                    .filter(r -> r.getBarcodeFormat() == com.google.zxing.BarcodeFormat.QR_CODE)
                    .map(com.google.zxing.Result::getText)
                    .toList();
        }
    }

    @Test
    void theSlipCarriesTheVietQrCodeWhileThePaymentIsPending() throws Exception {
        String pending = intake("VIETQR");
        String payload = VietQr.payload("970415", "113366668888", amountDue(pending), pending);
        assertThat(slipQrCodes(pending, "vietqr-pending")).contains(payload);

        String cash = intake("CASH");
        assertThat(slipQrCodes(cash, "cash")).isNotEmpty().noneMatch(t -> t.startsWith("000201"));

        assertThat(signedCallback("NAPAS-SLIP-1", pending, amountDue(pending))).containsEntry("outcome", "PAID");
        assertThat(slipQrCodes(pending, "vietqr-paid")).isNotEmpty().doesNotContain(payload);
    }

    @Test
    void vietQrIsPendingWithItsCodeUntilTheSignedCallbackPays() {
        String code = intake("VIETQR");
        Map<String, Object> p = payment(code);
        assertThat(p).containsEntry("state", "PENDING").containsEntry("receiptUrl", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> qr = (Map<String, Object>) p.get("vietQr");
        String payload = (String) qr.get("payload");
        assertThat(payload)
                .isEqualTo(VietQr.payload("970415", "113366668888", amountDue(code), code))
                .contains("0208QRIBFTTA", code);
        try (Response png = APP.as("thu.ngan", (String) qr.get("imageUrl")).get()) {
            assertThat(png.getStatus()).isEqualTo(200);
            assertThat(png.getMediaType().toString()).isEqualTo("image/png");
            byte[] bytes = png.readEntity(byte[].class);
            assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        }
        assertThat(status(APP.as("thu.ngan", "/api/dossiers/" + code + "/payment/receipt.pdf")
                        .get()))
                .isEqualTo(409);

        assertThat(signedCallback("NAPAS-0001", code, amountDue(code))).containsEntry("outcome", "PAID");
        assertThat(signedCallback("NAPAS-0001", code, amountDue(code))).containsEntry("outcome", "PAID");

        Map<String, Object> paid = payment(code);
        assertThat(paid)
                .containsEntry("state", "PAID")
                .containsEntry("method", "VIETQR")
                .containsEntry("bankTransactionId", "NAPAS-0001")
                .containsEntry("vietQr", null);
        assertThat(status(APP.as("thu.ngan", "/api/dossiers/" + code + "/payment/qr.png")
                        .get()))
                .isEqualTo(409);
        // a second transfer for a paid dossier is recorded, never paid twice
        assertThat(signedCallback("NAPAS-0002", code, amountDue(code))).containsEntry("outcome", "ALREADY_PAID");
        assertThat(signedCallback("NAPAS-0003", "KHONG-CO", 1000)).containsEntry("outcome", "UNKNOWN_DOSSIER");
    }

    @Test
    void aWrongAmountIsHeldForASupervisorNeverPaid() {
        String code = intake("VIETQR");
        assertThat(signedCallback("NAPAS-0100", code, amountDue(code) - 1000)).containsEntry("outcome", "HELD");
        assertThat(signedCallback("NAPAS-0100", code, amountDue(code) - 1000)).containsEntry("outcome", "HELD");
        Map<String, Object> held = payment(code);
        assertThat(held).containsEntry("state", "HELD");
        assertThat((String) held.get("heldReason")).contains("VND due");

        try (Response res = confirm("thu.ngan", code, Map.of("method", "CASH"))) {
            assertThat(res.getStatus()).isEqualTo(409);
            assertThat(json(res).toString()).contains("supervisor");
        }
        try (Response res = confirm("kiem.soat", code, Map.of("method", "VIETQR"))) {
            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(json(res)).containsEntry("state", "PAID").containsEntry("takenBy", "kiem.soat");
        }
    }

    @Test
    void callbacksMustBeSignedWithTheSecretAndWellFormed() {
        String code = intake("VIETQR");
        String body = "{\"transactionId\":\"NAPAS-0200\",\"purpose\":\"" + code + "\",\"amount\":1}";
        assertThat(status(callback(body, null))).isEqualTo(401);
        assertThat(status(callback(body, BankSignature.sign(body.getBytes(StandardCharsets.UTF_8), "wrong"))))
                .isEqualTo(401);
        String noAmount = "{\"transactionId\":\"NAPAS-0201\",\"purpose\":\"" + code + "\"}";
        try (Response res = callback(noAmount, BankSignature.sign(noAmount.getBytes(StandardCharsets.UTF_8), SECRET))) {
            assertThat(res.getStatus()).isEqualTo(422);
            assertThat(res.readEntity(String.class)).contains("amount");
        }
        String notJson = "amount=1";
        assertThat(status(callback(notJson, BankSignature.sign(notJson.getBytes(StandardCharsets.UTF_8), SECRET))))
                .isEqualTo(400);
        assertThat(payment(code)).containsEntry("state", "PENDING");
    }

    @Test
    void theClerkConfirmsACardWithItsTerminalReferenceOnce() {
        String code = intake("CARD");
        try (Response res = confirm("thu.ngan", code, Map.of("method", "CHEQUE"))) {
            assertThat(res.getStatus()).isEqualTo(422);
            assertThat(res.readEntity(String.class)).contains("method", "CASH, VIETQR, CARD");
        }
        try (Response res = confirm("thu.ngan", code, Map.of("method", "CARD"))) {
            assertThat(res.getStatus()).isEqualTo(422);
            assertThat(res.readEntity(String.class)).contains("terminalReference");
        }
        try (Response res = confirm("thu.ngan", code, Map.of("method", "CARD", "terminalReference", "POS-778812"))) {
            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(json(res))
                    .containsEntry("state", "PAID")
                    .containsEntry("terminalReference", "POS-778812")
                    .containsEntry("takenBy", "thu.ngan");
        }
        assertThat(status(confirm("thu.ngan", code, Map.of("method", "CASH")))).isEqualTo(409);
        assertThat(status(confirm("thu.ngan", "000.00.15.H26-000000-9999", Map.of("method", "CASH"))))
                .isEqualTo(404);
    }

    @Test
    void aWithdrawnDossiersMoneyIsRefundedOnItsOwnNumberedDocument() throws Exception {
        String code = intake("CASH");
        String refund = "/api/dossiers/" + code + "/payment/refund";
        assertThat(status(APP.post("thu.ngan", refund, Map.of("reason", "Công dân rút hồ sơ"))))
                .isEqualTo(409);
        assertThat(status(APP.post("thu.ngan", "/api/dossiers/" + code + "/withdraw", Map.of("reason", "Đổi ý"))))
                .isEqualTo(200);
        try (Response res = APP.post("thu.ngan", refund, Map.of("reason", " "))) {
            assertThat(res.getStatus()).isEqualTo(422);
            assertThat(res.readEntity(String.class)).contains("reason");
        }
        try (Response res = APP.post("thu.ngan", refund, Map.of("reason", "Công dân rút hồ sơ"))) {
            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(json(res)).containsEntry("state", "REFUNDED");
        }
        assertThat(status(APP.post("thu.ngan", refund, Map.of("reason", "lần hai"))))
                .isEqualTo(409);
        String text = pdfText("/api/dossiers/" + code + "/payment/refund.pdf");
        assertThat(text).contains("PHIẾU HOÀN TIỀN", "HT-" + Dossiers.OFFICE + "-", "Công dân rút hồ sơ", code);
        assertThat(pdfText("/api/dossiers/" + code + "/payment/receipt.pdf")).contains("BIÊN LAI THU TIỀN");
        assertThat(status(confirm("thu.ngan", code, Map.of("method", "CASH")))).isEqualTo(409);
    }

    @Test
    void aDossierTheAgencyRefusedGetsItsGovernmentFeeBackNotThePostageWhereTheProcedureSaysSo() throws Exception {
        // judicial record No. 1: its fee goes back on a refusal (catalogue: feeRefundableOnRefusal)
        String refused = Results.refused(
                APP, "thu.ngan", agency, Dossiers.judicialRecord(), "Người yêu cầu không thuộc diện được cấp");
        String refund = "/api/dossiers/" + refused + "/payment/refund";
        long paid = amountDue(refused);
        assertThat(paid).as("postage and fee were taken at the counter").isGreaterThan(200_000);

        try (Response res = APP.post("thu.ngan", refund, Map.of("reason", "Cơ quan từ chối giải quyết"))) {
            Map<String, Object> view = json(res);
            assertThat(res.getStatus()).as(view.toString()).isEqualTo(200);
            assertThat(view).containsEntry("state", "REFUNDED").containsEntry("refundedAmount", 200_000);
        }
        assertThat(status(APP.post("thu.ngan", refund, Map.of("reason", "lần hai"))))
                .isEqualTo(409);
        String text = pdfText("/api/dossiers/" + refused + "/payment/refund.pdf");
        assertThat(text).contains("PHIẾU HOÀN TIỀN", "200.000", "Cơ quan từ chối giải quyết", refused);
        long refundedInDrawer = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT amount FROM receipt r JOIN dossier d ON d.id = r.dossier_id "
                                + "WHERE d.code = :c AND r.kind = 'REFUND'")
                        .bind("c", refused)
                        .mapTo(Long.class)
                        .one());
        assertThat(refundedInDrawer).isEqualTo(200_000);

        // a dossier the agency has and did not refuse gets nothing back
        String atAgency = Results.ready(APP, "thu.ngan", agency, Dossiers.judicialRecord(), "LLTP-2026/0009001");
        try (Response res = APP.post(
                "thu.ngan", "/api/dossiers/" + atAgency + "/payment/refund", Map.of("reason", "Công dân đòi lại"))) {
            assertThat(res.getStatus()).isEqualTo(409);
            assertThat(res.readEntity(String.class)).contains("withdrawn before its handover, or refused");
        }
    }

    @Test
    void aDossierWhoseGovernmentFeeIsUnpaidStaysInTheHandoverQueue() {
        String unpaid = intake("VIETQR");
        String paid = intake("CASH");
        long unpaidId = dossierId(unpaid);
        long paidId = dossierId(paid);
        OffsetDateTime now = OffsetDateTime.now();
        APP.jdbi().useHandle(h -> {
            OutboxDAO outbox = h.attach(OutboxDAO.class);
            outbox.enqueue(OutboxDAO.HANDOVER, unpaidId, Dossiers.AGENCY, now);
            outbox.enqueue(OutboxDAO.HANDOVER, paidId, Dossiers.AGENCY, now);
        });

        assertThat(queued()).contains(paidId).doesNotContain(unpaidId);

        signedCallback("NAPAS-0300", unpaid, amountDue(unpaid));
        assertThat(queued()).contains(paidId, unpaidId);
    }

    @Test
    void theCountersDayShowsTheMoneyPerClerkAndMethodAndASupervisorClosesItOnce() {
        intake("CASH");
        intake("VIETQR");
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        Map<String, Object> day;
        try (Response res = APP.as("thu.ngan", "/api/counter-day?date=" + today + "&office=700000")
                .get()) {
            assertThat(res.getStatus()).isEqualTo(200);
            day = json(res);
        }
        assertThat(day).containsEntry("officeCode", Dossiers.OFFICE).containsEntry("closedBy", null);
        assertThat(((Number) day.get("cashInDrawer")).longValue()).isGreaterThan(0);
        assertThat(((Number) day.get("vietQrPending")).longValue()).isGreaterThan(0);
        assertThat(day.get("lines").toString()).contains("takenBy=thu.ngan, method=CASH, state=PAID");

        String close = "/api/counter-day/close?office=" + Dossiers.OFFICE + "&date=";
        assertThat(status(APP.post("thu.ngan", close + today, Map.of()))).isEqualTo(403);
        assertThat(status(APP.post("kiem.soat", close + "hôm-nay", Map.of()))).isEqualTo(422);
        assertThat(status(APP.post("kiem.soat", close + "2999-01-01", Map.of())))
                .isEqualTo(422);
        try (Response res = APP.post("kiem.soat", close + today, Map.of())) {
            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(json(res)).containsEntry("closedBy", "kiem.soat");
        }
        assertThat(status(APP.post("kiem.soat", close + today, Map.of()))).isEqualTo(409);
    }

    private static long dossierId(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapTo(Long.class)
                        .one());
    }

    /** What the handover batching would take now (in a transaction rolled back: the rows stay queued). */
    private static List<Long> queued() {
        return APP.jdbi().inTransaction(h -> {
            List<Long> ids = h
                    .attach(OutboxDAO.class)
                    .lockQueuedDossiers(Dossiers.AGENCY, OffsetDateTime.now().plusMinutes(1), 1000)
                    .stream()
                    .map(OutboxDAO.Queued::dossierId)
                    .toList();
            h.rollback();
            return ids;
        });
    }
}
