package vn.dossierpost.pdf;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A realistic slip: criminal-record certificate, sent from Hanoi, result returned by post. */
final class SlipFixtures {

    static final String S10 = "EE473124829VN";
    static final String DOSSIER_CODE = "000.00.15.H13-261202-0007";
    static final String TRACKING_URL = "https://tracuu.dossierpost.vn/buu-gui/" + S10;
    static final String APPLICANT = "Nguyễn Thị Hồng Nhung";
    static final String ADDRESS = "Số 12 ngõ 34 phố Hàng Bông, Phường Hoàn Kiếm, Hà Nội";
    static final String PROCEDURE = "Cấp Phiếu lý lịch tư pháp số 1";
    static final String DOC_FORM = "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp";
    static final String DOC_ID = "Bản chụp Căn cước công dân";

    private SlipFixtures() {}

    static SlipData slip() {
        return slip(
                List.of(new SlipData.Document(DOC_FORM, "Bản chính", 2), new SlipData.Document(DOC_ID, "Bản sao", 1)));
    }

    /** The standard slip plus generated documents, up to {@code count} in all. */
    static SlipData slipWithDocuments(int count) {
        List<SlipData.Document> docs = new ArrayList<>(slip().documents());
        for (int i = docs.size() + 1; i <= count; i++) {
            docs.add(new SlipData.Document(
                    "Giấy tờ kèm theo số " + i + ": Giấy khai sinh có chứng thực của UBND xã nơi cư trú",
                    i % 2 == 0 ? "Bản chính" : "Bản sao",
                    i));
        }
        return slip(docs);
    }

    static SlipData slip(List<SlipData.Document> documents) {
        return new SlipData(
                DOSSIER_CODE,
                S10,
                TRACKING_URL,
                OffsetDateTime.of(2026, 12, 2, 9, 15, 0, 0, ZoneOffset.ofHours(7)),
                new SlipData.PostOffice(
                        "Bưu cục Hoàn Kiếm", "75 Đinh Tiên Hoàng, Phường Hoàn Kiếm, Hà Nội", "024 3825 5948"),
                "SEND_AND_RETURN",
                "HOME",
                new SlipData.Party(APPLICANT, ADDRESS, "0912345678", "hongnhung@example.vn"),
                new SlipData.Party(
                        "Sở Tư pháp thành phố Hà Nội – Bộ phận Một cửa",
                        "Số 1B Trần Phú, Phường Hà Đông, Hà Nội",
                        "024 3355 8890",
                        null),
                PROCEDURE,
                200_000,
                List.of(
                        new SlipData.Charge("Cước chuyển phát hồ sơ", 24_000),
                        new SlipData.Charge("Cước chuyển phát kết quả", 24_000)),
                248_000,
                "Tiền mặt",
                "Chuyển phát hồ sơ: J+2 ngày làm việc; hẹn trả kết quả: 2026-12-14",
                new SlipData.DueDates(
                        LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 16)),
                documents,
                "Trần Văn Bình",
                null,
                null);
    }
}
