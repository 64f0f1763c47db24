package vn.dossierpost.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dossierpost.support.PdfCodes;

/** Reads the rendered return slip back: page size, text, fonts, barcodes, and what it refuses. */
class ReturnSlipPdfTest {

    private static final ReturnSlipPdf RENDERER = new ReturnSlipPdf();

    private static final String RETURN_S10 = "EH000000123VN";
    private static final String OUTBOUND_S10 = "EE473124829VN";
    private static final String DOSSIER_CODE = "000.00.15.H26-261122-0001";
    private static final String TRACKING_URL = "https://tracuu.dossierpost.vn/buu-gui/" + RETURN_S10;
    private static final String RECIPIENT = "Nguyễn Thị Hằng";
    private static final String ADDRESS = "Số 8 ngõ 15 phố Lê Thánh Tông, Phường Ngô Quyền, Hải Phòng";
    private static final String PROCEDURE = "Cấp Phiếu lý lịch tư pháp số 1";
    private static final String AGENCY = "Sở Tư pháp thành phố Hải Phòng";
    private static final String RESULT = "Phiếu lý lịch tư pháp số 1";
    private static final String ORIGINAL = "Giấy khai sinh (bản chính)";
    /** 09:40 in Vietnam: the slip must show local time whatever the stored offset. */
    private static final OffsetDateTime COLLECTED = OffsetDateTime.of(2026, 11, 27, 2, 40, 0, 0, ZoneOffset.UTC);

    private static byte[] pdf;

    @BeforeAll
    static void render() {
        pdf = RENDERER.render(slip(
                "RESULT",
                85_000,
                200_000,
                List.of(
                        new ReturnSlipData.Item(RESULT, "RESULT", 2),
                        new ReturnSlipData.Item(ORIGINAL, "ORIGINAL_RETURNED", 1))));
    }

    @Test
    void isOneA5PortraitPage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertA5(doc.getPage(0));
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Phiếu gửi kết quả " + RETURN_S10);
        }
    }

    @Test
    void printsIdentifiersAndVietnameseTextIntact() throws IOException {
        String text = text(pdf);
        assertThat(text)
                .contains(
                        "BƯU ĐIỆN VIỆT NAM",
                        nfc("PHIẾU GỬI KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"),
                        RETURN_S10,
                        DOSSIER_CODE,
                        nfc("Số hiệu bưu gửi hồ sơ chiều đi / Outbound item: ") + OUTBOUND_S10,
                        nfc("Số, ký hiệu kết quả / Result reference: 125/2026/LLTP"),
                        nfc(RECIPIENT),
                        nfc(ADDRESS),
                        nfc(PROCEDURE),
                        nfc(AGENCY),
                        nfc("Phát tận địa chỉ"),
                        nfc("Bưu cục Ngô Quyền"),
                        nfc("Bưu cục Hải Phòng"),
                        "09:40, 27/11/2026",
                        RETURN_S10 + " · " + DOSSIER_CODE + " · Trang 1/1");
        assertThat(text).doesNotContain(nfc("THÔNG BÁO TỪ CHỐI"));
    }

    @Test
    void listsTheContentsWithTheirKindAndCopies() throws IOException {
        assertThat(text(pdf))
                .contains(nfc("1 " + RESULT + " Kết quả 2"), nfc("2 " + ORIGINAL + " Bản chính trả lại 1"));
    }

    @Test
    void printsTheAmountsThatApply() throws IOException {
        assertThat(text(pdf))
                .contains(
                        nfc("Thu khi phát (COD) / Cash on delivery 85.000 đ"),
                        nfc("Phí, lệ phí đã nộp cho cơ quan / Fee paid to the agency 200.000 đ"));

        String feeOnly = text(RENDERER.render(slip("RESULT", 0, 50_000, items())));
        assertThat(feeOnly).contains(nfc("Phí, lệ phí đã nộp cho cơ quan"), "50.000 đ");
        assertThat(feeOnly).doesNotContain(nfc("Thu khi phát"), "COD");

        String none = text(RENDERER.render(slip("RESULT", 0, 0, items())));
        assertThat(none).doesNotContain(nfc("Thu khi phát"), nfc("Phí, lệ phí"), " đ ");
    }

    @Test
    void aRefusalNoticeHasItsOwnTitleAndOptionalFieldsLeftOut() throws IOException {
        ReturnSlipData base = slip("REFUSAL", 0, 0, items());
        ReturnSlipData refusal = new ReturnSlipData(
                RETURN_S10,
                DOSSIER_CODE,
                null,
                PROCEDURE,
                "REFUSAL",
                null,
                base.agency(),
                new SlipData.Party(RECIPIENT, "Nhận tại bưu cục: Bưu cục Ngô Quyền", null, null),
                "PICKUP_AT_OFFICE",
                base.collectingOffice(),
                base.collectingOffice(),
                List.of(new ReturnSlipData.Item("Thông báo từ chối giải quyết hồ sơ", "RESULT", 1)),
                0,
                0,
                COLLECTED,
                "Trần Văn Bình",
                null,
                TRACKING_URL);
        byte[] bytes = RENDERER.render(refusal);
        String text = text(bytes);
        assertThat(text)
                .contains(
                        nfc("PHIẾU GỬI THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ"),
                        nfc("Nhận tại bưu cục"),
                        nfc("Thông báo từ chối giải quyết hồ sơ"),
                        RETURN_S10);
        assertThat(text)
                .doesNotContain(nfc("PHIẾU GỬI KẾT QUẢ"), "Outbound item", "reference", OUTBOUND_S10, "0987654321");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertA5(doc.getPage(0));
        }
    }

    @Test
    void composesDecomposedInput() throws IOException {
        String decomposed = Normalizer.normalize(RECIPIENT, Normalizer.Form.NFD);
        ReturnSlipData base = slip("RESULT", 0, 0, items());
        ReturnSlipData slip = new ReturnSlipData(
                RETURN_S10,
                DOSSIER_CODE,
                OUTBOUND_S10,
                Normalizer.normalize(PROCEDURE, Normalizer.Form.NFD),
                "RESULT",
                null,
                base.agency(),
                new SlipData.Party(decomposed, ADDRESS, null, null),
                "HOME",
                base.collectingOffice(),
                base.deliveringOffice(),
                items(),
                0,
                0,
                COLLECTED,
                "Trần Văn Bình",
                null,
                TRACKING_URL);
        // Not normalised after extraction: the PDF itself must carry the composed letters.
        String raw = rawText(RENDERER.render(slip));
        assertThat(raw).contains(nfc(RECIPIENT), nfc(PROCEDURE));
    }

    @Test
    void endsWithTheAgencyAndClerkSignaturesSideBySide() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper asRead = new PDFTextStripper();
            asRead.setSortByPosition(true);
            assertThat(normalise(asRead.getText(doc)))
                    .endsWith(nfc("ĐẠI DIỆN CƠ QUAN GIẢI QUYẾT / Agency officer NHÂN VIÊN BƯU ĐIỆN / Post office clerk "
                            + "(Ký, ghi rõ họ tên) (Signature, full name) (Ký, ghi rõ họ tên) (Signature, full name) "
                            + "Lê Thị Mai Trần Văn Bình " + RETURN_S10 + " · " + DOSSIER_CODE + " · Trang 1/1 "));
        }
    }

    @Test
    void embedsEveryFont() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources resources = doc.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts)
                    .isNotEmpty()
                    .allSatisfy(font -> assertThat(font.isEmbedded())
                            .as("%s embedded", font.getName())
                            .isTrue());
            assertThat(fonts)
                    .extracting(PDFont::getName)
                    .anyMatch(n -> n.endsWith("+DejaVuSans"))
                    .anyMatch(n -> n.endsWith("+DejaVuSans-Bold"));
        }
    }

    @Test
    void returnNumberAndQrCodeScanFromAPrintAt300Dpi() throws IOException {
        List<Result> found = PdfCodes.scan(pdf);
        assertThat(found)
                .filteredOn(r -> r.getBarcodeFormat() == BarcodeFormat.CODE_128)
                .extracting(Result::getText)
                .containsExactly(RETURN_S10);
        assertThat(found)
                .filteredOn(r -> r.getBarcodeFormat() == BarcodeFormat.QR_CODE)
                .extracting(Result::getText)
                .containsExactly(TRACKING_URL);
    }

    @Test
    void writesToAStreamLeftOpenForTheCaller() {
        var out = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        RENDERER.write(slip("RESULT", 0, 0, items()), out);
        assertThat(out.closed).isFalse();
        assertThat(new String(out.toByteArray(), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void refusesIncompleteOrInconsistentData() {
        ReturnSlipData ok = slip("RESULT", 0, 0, items());
        assertThatThrownBy(() -> new ReturnSlipData(
                        null,
                        DOSSIER_CODE,
                        null,
                        PROCEDURE,
                        "RESULT",
                        null,
                        ok.agency(),
                        ok.recipient(),
                        "HOME",
                        ok.collectingOffice(),
                        ok.deliveringOffice(),
                        items(),
                        0,
                        0,
                        COLLECTED,
                        "Trần Văn Bình",
                        null,
                        TRACKING_URL))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("returnS10Number");
        assertThatThrownBy(() -> slip("RESULT", -1, 0, items()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amountDueOnDelivery");
        assertThatThrownBy(() -> slip("RESULT", 0, -1, items()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("governmentFeeRemitted");
        assertThatThrownBy(() -> slip("RESULT", 0, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one item");
        assertThatThrownBy(() -> slip("APPROVAL", 0, 0, items()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> new ReturnSlipData.Item(RESULT, "RESULT", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("copies");
    }

    // --- fixtures and helpers ---

    /** A criminal-record certificate collected in Hai Phong, delivered to the applicant's home. */
    private static ReturnSlipData slip(String kind, long cod, long fee, List<ReturnSlipData.Item> items) {
        return new ReturnSlipData(
                RETURN_S10,
                DOSSIER_CODE,
                OUTBOUND_S10,
                PROCEDURE,
                kind,
                "125/2026/LLTP",
                new SlipData.Party(
                        AGENCY,
                        "Số 1 Trần Phú, Phường Ngô Quyền, Hải Phòng",
                        "0225 3842 012",
                        "sotuphap@haiphong.gov.vn"),
                new SlipData.Party(RECIPIENT, ADDRESS, "0987654321", null),
                "HOME",
                new SlipData.PostOffice("Bưu cục Ngô Quyền", "5 Nguyễn Tri Phương, Hải Phòng", "0225 3745 100"),
                new SlipData.PostOffice("Bưu cục Hải Phòng", "5 Nguyễn Tri Phương, Hải Phòng", null),
                items,
                cod,
                fee,
                COLLECTED,
                "Trần Văn Bình",
                "Lê Thị Mai",
                TRACKING_URL);
    }

    private static List<ReturnSlipData.Item> items() {
        return List.of(new ReturnSlipData.Item(RESULT, "RESULT", 1));
    }

    private static void assertA5(PDPage page) {
        PDRectangle box = page.getMediaBox();
        assertThat(box.getWidth()).isCloseTo(420f, within(1f));
        assertThat(box.getHeight()).isCloseTo(595f, within(1f));
    }

    /** All pages' text, NFC, with every run of white space (line breaks too) as one space. */
    private static String text(byte[] bytes) throws IOException {
        return nfc(rawText(bytes));
    }

    /** As extracted, apart from white space. */
    private static String rawText(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static String normalise(String raw) {
        return nfc(raw).replaceAll("\\s+", " ");
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
