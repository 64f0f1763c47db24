package vn.dossierpost.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** Reads the rendered slip back as a person or a scanner would: page size, text, fonts, barcodes. */
class ConsignmentSlipPdfTest {

    private static final ConsignmentSlipPdf RENDERER = new ConsignmentSlipPdf();
    private static byte[] pdf;

    @BeforeAll
    static void render() {
        pdf = RENDERER.render(SlipFixtures.slip());
    }

    @Test
    void isOneA5PortraitPage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertA5(doc.getPage(0));
        }
    }

    @Test
    void printsVietnameseTextIntactWithTheIdentifiersAndTotal() throws IOException {
        String text = text(pdf);
        assertThat(text)
                .contains(
                        nfc("PHIẾU GỬI HỒ SƠ THỦ TỤC HÀNH CHÍNH"),
                        nfc(SlipFixtures.APPLICANT),
                        nfc(SlipFixtures.ADDRESS),
                        nfc(SlipFixtures.PROCEDURE),
                        nfc(SlipFixtures.DOC_FORM),
                        nfc(SlipFixtures.DOC_ID),
                        nfc("Sở Tư pháp thành phố Hà Nội"),
                        nfc("Người gửi").toUpperCase(),
                        nfc("Trần Văn Bình"),
                        SlipFixtures.S10,
                        SlipFixtures.DOSSIER_CODE,
                        "248.000 đ",
                        "200.000 đ",
                        "09:15, 02/12/2026",
                        "14/12/2026",
                        nfc("4 lần cước"),
                        "Trang 1/1");
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
            assertThat(fonts).extracting(PDFont::getName).anyMatch(n -> n.contains("DejaVuSans"));
        }
    }

    @Test
    void barcodeAndQrCodeScanFromAPrintAt300Dpi() throws IOException {
        List<Result> found = PdfCodes.scan(pdf);
        assertThat(found)
                .filteredOn(r -> r.getBarcodeFormat() == BarcodeFormat.CODE_128)
                .extracting(Result::getText)
                .containsExactly(SlipFixtures.S10);
        assertThat(found)
                .filteredOn(r -> r.getBarcodeFormat() == BarcodeFormat.QR_CODE)
                .extracting(Result::getText)
                .containsExactly(SlipFixtures.TRACKING_URL);
    }

    @Test
    void eightDocumentsStillFitOnOnePage() throws IOException {
        byte[] eight = RENDERER.render(SlipFixtures.slipWithDocuments(8));
        try (PDDocument doc = Loader.loadPDF(eight)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(text(eight)).contains("Giấy tờ kèm theo số 8");
    }

    @Test
    void aLongDocumentListFlowsOnToMoreA5Pages() throws IOException {
        byte[] many = RENDERER.render(SlipFixtures.slipWithDocuments(30));
        try (PDDocument doc = Loader.loadPDF(many)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            doc.getPages().forEach(ConsignmentSlipPdfTest::assertA5);
        }
        String text = text(many);
        assertThat(text)
                .contains("Giấy tờ kèm theo số 30", nfc("Trần Văn Bình"), "248.000 đ")
                .contains(SlipFixtures.S10 + " · " + SlipFixtures.DOSSIER_CODE + " · Trang 2/2");
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
        RENDERER.write(SlipFixtures.slip(), out);
        assertThat(out.closed).isFalse();
        assertThat(new String(out.toByteArray(), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void printsAReturnLegSlipWithOptionalFieldsLeftOut() throws IOException {
        SlipData base = SlipFixtures.slip();
        SlipData returnLeg = new SlipData(
                base.dossierCode(),
                "RR000000014VN",
                base.trackingUrl(),
                base.acceptedAt(),
                base.acceptedBy(),
                "RETURN_ONLY",
                "PICKUP_AT_OFFICE",
                base.recipient(),
                new SlipData.Party(SlipFixtures.APPLICANT, SlipFixtures.ADDRESS, null, null),
                base.procedureName(),
                0,
                List.of(new SlipData.Charge("Cước chuyển phát kết quả", 24_000)),
                24_000,
                "Tiền mặt",
                null,
                null,
                List.of(new SlipData.Document("Phiếu lý lịch tư pháp số 1", "Bản chính", 1)),
                null,
                null,
                null);
        String text = text(RENDERER.render(returnLeg));
        assertThat(text)
                .contains(
                        nfc("Kết quả, giấy tờ trả lại"),
                        nfc("Nhận kết quả"),
                        nfc("Nhận tại bưu cục"),
                        nfc("Phiếu lý lịch tư pháp số 1"),
                        "RR000000014VN",
                        "24.000 đ");
        assertThat(text).doesNotContain(nfc("Hẹn trả kết quả"), "Email:");
    }

    @Test
    void oneRendererServesConcurrentRequests() throws Exception {
        String expected = text(pdf);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> RENDERER.render(SlipFixtures.slip())));
            }
            for (var future : futures) {
                assertThat(text(future.get())).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers ---

    private static void assertA5(PDPage page) {
        PDRectangle box = page.getMediaBox();
        assertThat(box.getWidth()).isCloseTo(420f, within(1f));
        assertThat(box.getHeight()).isCloseTo(595f, within(1f));
    }

    /** All pages' text, NFC, with every run of white space (line breaks too) as one space. */
    private static String text(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String raw = new PDFTextStripper().getText(doc);
            return nfc(raw).replaceAll("\\s+", " ");
        }
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
