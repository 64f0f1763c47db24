package vn.dossierpost.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dossierpost.domain.S10Number;

/** Reads the rendered handover record back: page size, text, fonts, barcode, long lists. */
class HandoverRecordPdfTest {

    private static final HandoverRecordPdf RENDERER = new HandoverRecordPdf();

    private static final String NUMBER = "BG261122-000042";
    private static final String POST_UNIT = "Bưu điện thành phố Hà Nội";
    private static final String AGENCY = "Sở Tư pháp thành phố Hà Nội";
    private static final String AGENCY_CODE = "000.00.15.H13";
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 11, 22, 10, 30, 0, 0, ZoneOffset.ofHours(7));
    private static final OffsetDateTime ACKNOWLEDGED = OffsetDateTime.of(2026, 11, 22, 3, 45, 0, 0, ZoneOffset.UTC);

    private static final List<HandoverRecordData.Line> LINES = List.of(
            new HandoverRecordData.Line(
                    "000.00.15.H13-261120-0007",
                    "EE473124829VN",
                    "Cấp Phiếu lý lịch tư pháp số 1",
                    "Nguyễn Thị Hoa",
                    2,
                    3,
                    1_572_864,
                    true,
                    null,
                    "000.00.15.H13-261122-0101",
                    ACKNOWLEDGED.minusMinutes(1)),
            new HandoverRecordData.Line(
                    "000.00.15.H13-261121-0012",
                    S10Number.of("EE", 47312484).value(),
                    "Cấp Phiếu lý lịch tư pháp số 2",
                    "Lê Quang Đức",
                    3,
                    4,
                    2_097_152,
                    false,
                    "Thiếu bản chụp Căn cước công dân",
                    null,
                    null),
            new HandoverRecordData.Line(
                    "000.00.15.H13-261121-0013",
                    S10Number.of("EE", 47312485).value(),
                    "Đăng ký khai sinh có yếu tố nước ngoài",
                    "Phạm Ngọc Ánh",
                    1,
                    2,
                    1_048_576,
                    true,
                    "Giấy tờ nước ngoài đã hợp pháp hóa lãnh sự",
                    "000.00.15.H13-261122-0102",
                    ACKNOWLEDGED));

    private static byte[] pdf;

    @BeforeAll
    static void render() {
        pdf = RENDERER.render(record(LINES, "DELIVERED", ACKNOWLEDGED));
    }

    @Test
    void isOneA4LandscapePage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertA4Landscape(doc.getPage(0));
        }
    }

    @Test
    void printsTitleLegalBasisAndPartiesWithVietnameseIntact() throws IOException {
        assertThat(text(pdf))
                .contains(
                        nfc("BIÊN BẢN GIAO NHẬN HỒ SƠ"),
                        nfc("Quyết định số 45/2016/QĐ-TTg"),
                        nfc("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                        "Số: " + NUMBER,
                        nfc("BÊN GIAO: BƯU ĐIỆN " + POST_UNIT),
                        nfc(AGENCY),
                        nfc("Mã cơ quan: ") + AGENCY_CODE,
                        nfc("Số 1B Trần Phú, Phường Hà Đông, Hà Nội"),
                        nfc("Thời điểm lập biên bản: 10:30, 22/11/2026"),
                        nfc("Hình thức giao: Điện tử, qua kết nối HTTP"),
                        nfc("Trạng thái: Cơ quan đã xác nhận tiếp nhận"),
                        NUMBER + " · Trang 1/1");
    }

    @Test
    void listsEveryDossierWithItsSlipNumberCompletenessAndReceipt() throws IOException {
        String text = text(pdf);
        for (HandoverRecordData.Line line : LINES) {
            assertThat(text)
                    .contains(
                            line.dossierCode(), line.s10Number(), nfc(line.procedureName()), nfc(line.applicantName()));
        }
        assertThat(text)
                .contains(
                        nfc("Nguyễn Thị Hoa 2 / 3 1,50 MB Đủ 000.00.15.H13-261122-0101 10:44, 22/11/2026"),
                        nfc("Lê Quang Đức 3 / 4 2,00 MB Thiếu Thiếu bản chụp Căn cước công dân"),
                        nfc("Đủ Giấy tờ nước ngoài đã hợp pháp hóa lãnh sự 000.00.15.H13-261122-0102"));
    }

    @Test
    void printsTotalsAndTheAcknowledgementTime() throws IOException {
        assertThat(text(pdf))
                .contains(
                        nfc("Tổng cộng: 3 hồ sơ (đủ: 2, thiếu: 1); 6 giấy tờ; 9 tệp; 4,50 MB."),
                        nfc("Thời điểm cơ quan xác nhận tiếp nhận: 10:45, 22/11/2026"));
    }

    @Test
    void saysSoWhenTheAgencyHasNotAcknowledged() throws IOException {
        String text = text(RENDERER.render(record(LINES.subList(1, 2), "SENT", null)));
        assertThat(text)
                .contains(
                        nfc("Thời điểm cơ quan xác nhận tiếp nhận: Chưa xác nhận"),
                        nfc("Trạng thái: Đã gửi, chờ cơ quan xác nhận"),
                        nfc("Tổng cộng: 1 hồ sơ (đủ: 0, thiếu: 1)"));
        assertThat(text).doesNotContain("10:45");
    }

    @Test
    void endsWithTwoSignatureBlocksSideBySide() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper asRead = new PDFTextStripper();
            asRead.setSortByPosition(true);
            assertThat(normalise(asRead.getText(doc)))
                    .endsWith(nfc("ĐẠI DIỆN BƯU ĐIỆN ĐẠI DIỆN CƠ QUAN "
                            + "TIẾP NHẬN (Ký, ghi rõ họ tên) (Ký, ghi rõ họ tên) " + NUMBER + " · Trang 1/1 "));
        }
    }

    @Test
    void embedsEveryFontAsASubset() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = fonts(doc);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
                assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+.*");
            });
            assertThat(fonts)
                    .extracting(PDFont::getName)
                    .anyMatch(n -> n.endsWith("+DejaVuSans"))
                    .anyMatch(n -> n.endsWith("+DejaVuSans-Bold"));
        }
    }

    @Test
    void handoverNumberScansFromAPrintAt300Dpi() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY);
            BufferedImage top = page.getSubimage(0, 0, page.getWidth(), page.getHeight() / 4);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(top)));
            Result result = new MultiFormatReader()
                    .decode(
                            bitmap,
                            Map.of(
                                    DecodeHintType.TRY_HARDER,
                                    Boolean.TRUE,
                                    DecodeHintType.POSSIBLE_FORMATS,
                                    List.of(BarcodeFormat.CODE_128)));
            assertThat(result.getText()).isEqualTo(NUMBER);
        } catch (NotFoundException e) {
            throw new AssertionError("no Code 128 symbol found on the page", e);
        }
    }

    @Test
    void fiveHundredDossiersRunOverSeveralPagesEachWithTheTableHeader() throws IOException {
        List<HandoverRecordData.Line> many = manyLines(500);
        byte[] big = RENDERER.render(record(many, "SENT", null));
        try (PDDocument doc = Loader.loadPDF(big)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(5);
            doc.getPages().forEach(HandoverRecordPdfTest::assertA4Landscape);
            for (int p = 1; p <= pages; p++) {
                assertThat(pageText(doc, p))
                        .as("page %d", p)
                        .contains(nfc("STT Mã hồ sơ Số hiệu bưu gửi (S10) Thủ tục hành chính"))
                        .contains(NUMBER + " · Trang " + p + "/" + pages);
            }
            assertThat(pageText(doc, pages)).contains(nfc("ĐẠI DIỆN CƠ QUAN TIẾP NHẬN"));
        }
        String text = text(big);
        for (HandoverRecordData.Line line : many) {
            assertThat(text).contains(line.dossierCode() + " " + line.s10Number());
        }
        assertThat(text)
                .contains(nfc("Tổng cộng: 500 hồ sơ (đủ: 450, thiếu: 50); 1.000 giấy tờ; 1.500 tệp; 381,47 MB."));
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
        RENDERER.write(record(List.of(), "SENDING", null), out);
        assertThat(out.closed).isFalse();
        assertThat(new String(out.toByteArray(), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    // --- fixtures and helpers ---

    private static HandoverRecordData record(
            List<HandoverRecordData.Line> lines, String state, OffsetDateTime acknowledgedAt) {
        return new HandoverRecordData(
                NUMBER,
                CREATED,
                acknowledgedAt,
                "HTTP",
                state,
                POST_UNIT,
                new HandoverRecordData.Agency(AGENCY_CODE, AGENCY, "Số 1B Trần Phú, Phường Hà Đông, Hà Nội"),
                lines);
    }

    /** Dossiers of one day at the agency; every tenth is incomplete. */
    private static List<HandoverRecordData.Line> manyLines(int count) {
        String[] applicants = {
            "Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Thị Ngọc Hà", "Đỗ Minh Quân", "Hoàng Thị Thu Hương"
        };
        String[] procedures = {
            "Cấp Phiếu lý lịch tư pháp số 1",
            "Cấp Phiếu lý lịch tư pháp số 2",
            "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp"
        };
        List<HandoverRecordData.Line> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            boolean complete = i % 10 != 0;
            lines.add(new HandoverRecordData.Line(
                    String.format("%s-261121-%04d", AGENCY_CODE, i),
                    S10Number.of("EE", 50_000_000L + i).value(),
                    procedures[i % procedures.length],
                    applicants[i % applicants.length],
                    2,
                    3,
                    800_000,
                    complete,
                    complete ? null : "Thiếu tờ khai",
                    null,
                    null));
        }
        return lines;
    }

    private static void assertA4Landscape(PDPage page) {
        PDRectangle box = page.getMediaBox();
        assertThat(box.getWidth()).isCloseTo(842f, within(1f));
        assertThat(box.getHeight()).isCloseTo(595f, within(1f));
        assertThat(page.getRotation()).isZero();
    }

    private static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }

    /** All pages' text, NFC, with every run of white space (line breaks too) as one space. */
    private static String text(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return normalise(new PDFTextStripper().getText(doc));
        }
    }

    private static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return normalise(stripper.getText(doc));
    }

    private static String normalise(String raw) {
        return nfc(raw).replaceAll("\\s+", " ");
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
