package vn.dossierpost.service.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in Vietnamese templates, rendered; and the SMS text folded to GSM 7-bit within two segments. */
class NotificationTemplatesTest {
    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    final NotificationTemplates templates = NotificationTemplates.load(null, HANOI);

    static Map<String, Object> dossier() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("dossierCode", "000.00.15.H26-261122-0007");
        facts.put("s10Number", "EH473124829VN");
        facts.put("applicantName", "Nguyễn Thị Hồng Nhung");
        facts.put("procedureName", "Cấp Phiếu lý lịch tư pháp số 1");
        facts.put("agencyName", "Sở Tư pháp thành phố Hà Nội");
        facts.put("officeName", "Bưu cục Trung tâm Hà Nội");
        facts.put("trackingUrl", "https://tracuu.example.vn/track/EH473124829VN");
        return facts;
    }

    @Test
    void deliveredToAgencyNamesTheDossierTheProcedureTheAgencyAndTheDate() {
        Map<String, Object> facts = dossier();
        facts.put("receiptNumber", "000.00.15.H26-261123-0042");
        facts.put("appointmentDate", LocalDate.of(2026, 12, 4));
        NotificationTemplates.Rendered r = templates.render(NotificationKind.DELIVERED_TO_AGENCY, facts);

        assertThat(r.subject())
                .isEqualTo("Hồ sơ 000.00.15.H26-261122-0007 đã được chuyển đến Sở Tư pháp thành phố Hà Nội");
        assertThat(r.email())
                .startsWith(
                        "Kính gửi Ông/Bà Nguyễn Thị Hồng Nhung,\n\nHồ sơ 000.00.15.H26-261122-0007 của Ông/Bà (thủ tục: Cấp Phiếu lý lịch tư pháp số 1)")
                .contains("Sở Tư pháp thành phố Hà Nội")
                .contains("Số biên nhận hồ sơ: 000.00.15.H26-261123-0042.\n")
                .contains("Ngày hẹn trả kết quả: 04/12/2026.\n")
                .contains("Tra cứu tình trạng hồ sơ: https://tracuu.example.vn/track/EH473124829VN\n")
                .endsWith("xin Ông/Bà không trả lời thư này.\n")
                .doesNotContain("{");
        assertThat(r.sms())
                .isEqualTo("Bưu điện: hồ sơ 000.00.15.H26-261122-0007 đã được chuyển đến Sở Tư pháp thành phố Hà Nội."
                        + " Ngày hẹn trả kết quả: 04/12/2026.");
        assertThat(SmsText.of(r.sms()))
                .isEqualTo("Buu dien: ho so 000.00.15.H26-261122-0007 da duoc chuyen den So Tu phap thanh pho Ha Noi."
                        + " Ngay hen tra ket qua: 04/12/2026.");
    }

    @Test
    void aLineWhoseFactIsUnknownIsLeftOut() {
        Map<String, Object> facts = dossier();
        facts.put("appointmentDate", LocalDate.of(2026, 12, 4)); // no receipt number (an agency that answered 409)
        String email =
                templates.render(NotificationKind.DELIVERED_TO_AGENCY, facts).email();
        assertThat(email).doesNotContain("Số biên nhận").contains("Ngày hẹn trả kết quả: 04/12/2026.");
    }

    @Test
    void everyKindRendersWithItsFacts() {
        Map<String, Object> facts = dossier();
        facts.put("reason", "Tờ khai thiếu chữ ký của người yêu cầu.");
        facts.put("missingItems", List.of("Tờ khai có chữ ký", "Bản sao căn cước công dân"));
        facts.put("newAppointmentDate", "2026-12-18");
        facts.put("resultReference", "LLTP-2026-001234");
        facts.put("complaintNumber", "KN-000012");
        facts.put("ratingUrl", "https://dichvucong.example.vn/danh-gia/q8C1n2vXyR0aP3kLmT7sUw");
        facts.put("answerDue", "2026-12-09");
        facts.put("answer", "Bưu điện đã kiểm tra và xin lỗi Ông/Bà.");
        facts.put("bookingCode", "TG-7KQ2-M9XD");
        facts.put("pickupWindow", "sáng 04/12/2026");
        for (NotificationKind kind : NotificationKind.values()) {
            NotificationTemplates.Rendered r = templates.render(kind, facts);
            if (!kind.aboutADossier()) {
                // a home pickup's messages go before there is a dossier: they name the booking
                assertThat(r.subject() + r.email() + SmsText.of(r.sms()))
                        .as("%s", kind)
                        .contains("TG-7KQ2-M9XD")
                        .doesNotContain("{");
                assertThat(SmsText.of(r.sms())).as("%s", kind).hasSizeLessThanOrEqualTo(SmsText.MAX_CHARS);
                continue;
            }
            assertThat(r.subject()).as("%s", kind).contains("000.00.15.H26-261122-0007");
            assertThat(r.email())
                    .as("%s", kind)
                    .contains(
                            "000.00.15.H26-261122-0007",
                            "Sở Tư pháp thành phố Hà Nội",
                            "Cấp Phiếu lý lịch tư pháp số 1")
                    .doesNotContain("{", "..");
            String sms = SmsText.of(r.sms());
            assertThat(sms)
                    .as("%s", kind)
                    .contains("000.00.15.H26-261122-0007")
                    .hasSizeLessThanOrEqualTo(SmsText.MAX_CHARS)
                    .matches("[ -~]*")
                    .doesNotContainPattern("[`^{}\\\\\\[\\]~|]");
        }
        assertThat(templates
                        .render(NotificationKind.SUPPLEMENT_REQUESTED, facts)
                        .email())
                .contains("Giấy tờ cần bổ sung: Tờ khai có chữ ký; Bản sao căn cước công dân.\n")
                .contains("Lý do: Tờ khai thiếu chữ ký của người yêu cầu.\n");
        assertThat(templates.render(NotificationKind.DELAYED, facts).email())
                .contains("Ngày hẹn trả kết quả mới: 18/12/2026.");
        assertThat(templates.render(NotificationKind.RESULT_READY, facts).sms()).contains("đã có kết quả");
    }

    @Test
    void smsTextIsFoldedAndCutToTwoSegments() {
        assertThat(SmsText.fold("Đường Nguyễn Huệ – Quận 1, TP. Hồ Chí Minh {ghi chú}"))
                .isEqualTo("Duong Nguyen Hue - Quan 1, TP. Ho Chi Minh ?ghi chu?");
        assertThat(SmsText.fold("Ưu tiên: Ấp Ơn Ước")).isEqualTo("Uu tien: Ap On Uoc");
        String cut = SmsText.of("Hồ sơ ".repeat(100));
        assertThat(cut).hasSizeBetween(SmsText.MAX_CHARS - 5, SmsText.MAX_CHARS).endsWith("...");
    }

    @Test
    void aTemplateNamingAnUnknownFactFailsAtLoad(@TempDir Path dir) throws Exception {
        String text = new String(
                        NotificationTemplates.class
                                .getClassLoader()
                                .getResourceAsStream(NotificationTemplates.BUILT_IN)
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("{receiptNumber}", "{soBienNhan}");
        Path file = dir.resolve("templates.yml");
        Files.writeString(file, text);
        assertThatThrownBy(() -> NotificationTemplates.load(file.toString(), HANOI))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{soBienNhan}");
        Files.writeString(
                file, text.replace("{soBienNhan}", "{receiptNumber}").replace("Số biên nhận hồ sơ", "Số tiếp nhận"));
        assertThat(NotificationTemplates.load(file.toString(), HANOI)
                        .render(NotificationKind.DELIVERED_TO_AGENCY, Map.of("receiptNumber", "TN-1"))
                        .email())
                .contains("Số tiếp nhận: TN-1.");
    }
}
