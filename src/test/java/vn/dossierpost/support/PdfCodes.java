package vn.dossierpost.support;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The barcodes (Code 128) and QR codes printed on the first page of a PDF, read back as a scanner would. */
public final class PdfCodes {
    private PdfCodes() {}

    public static List<Result> scan(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.RGB);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
            Map<DecodeHintType, Object> hints = Map.of(
                    DecodeHintType.TRY_HARDER,
                    Boolean.TRUE,
                    DecodeHintType.POSSIBLE_FORMATS,
                    List.of(BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE));
            try {
                return List.of(new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, hints));
            } catch (NotFoundException e) {
                return List.of();
            }
        }
    }

    /** The text of the page's QR code. */
    public static String qr(byte[] pdf) throws IOException {
        return scan(pdf).stream()
                .filter(r -> r.getBarcodeFormat() == BarcodeFormat.QR_CODE)
                .map(Result::getText)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no QR code on the page"));
    }
}
