package vn.dossierpost.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.Map;

/**
 * Barcodes drawn as vector rectangles into a PDF template, so they stay sharp at any print or
 * scan resolution. ZXing does the encoding; this class only paints the modules. The returned
 * {@link Image} can go into a table cell like any picture.
 */
public final class Barcodes {

    /** Quiet zone either side of a Code 128 symbol, in modules (the standard asks for 10). */
    private static final int CODE128_QUIET_ZONE = 10;
    /** Quiet zone around a QR code, in modules (the standard asks for 4). */
    private static final int QR_QUIET_ZONE = 4;

    private Barcodes() {}

    /**
     * A Code 128 symbol of {@code text}, quiet zones included.
     *
     * @param moduleWidth width of the narrowest bar, in points
     * @param barHeight height of the bars, in points
     */
    public static Image code128(PdfContentByte canvas, String text, float moduleWidth, float barHeight) {
        BitMatrix row = encode(() -> new Code128Writer()
                .encode(text, BarcodeFormat.CODE_128, 0, 0, Map.of(EncodeHintType.MARGIN, CODE128_QUIET_ZONE)));
        return draw(canvas, row, moduleWidth, barHeight);
    }

    /**
     * A QR code of {@code text} (UTF-8, error correction level M), quiet zone included.
     *
     * @param moduleSize side of one module, in points
     */
    public static Image qr(PdfContentByte canvas, String text, float moduleSize) {
        BitMatrix matrix = encode(() -> new QRCodeWriter()
                .encode(
                        text,
                        BarcodeFormat.QR_CODE,
                        0,
                        0,
                        Map.of(
                                EncodeHintType.MARGIN,
                                QR_QUIET_ZONE,
                                EncodeHintType.ERROR_CORRECTION,
                                ErrorCorrectionLevel.M,
                                EncodeHintType.CHARACTER_SET,
                                "UTF-8")));
        return draw(canvas, matrix, moduleSize, moduleSize);
    }

    /**
     * Paints every run of dark modules in a row as one rectangle and fills them all as a single
     * path, which avoids hairline seams between neighbouring modules in PDF viewers.
     */
    private static Image draw(PdfContentByte canvas, BitMatrix m, float moduleWidth, float moduleHeight) {
        PdfTemplate t = canvas.createTemplate(m.getWidth() * moduleWidth, m.getHeight() * moduleHeight);
        t.setColorFill(Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++) {
            float bottom = (m.getHeight() - 1 - y) * moduleHeight; // PDF y grows upwards
            int x = 0;
            while (x < m.getWidth()) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < m.getWidth() && m.get(x, y)) {
                    x++;
                }
                t.rectangle(start * moduleWidth, bottom, (x - start) * moduleWidth, moduleHeight);
            }
        }
        t.fill();
        try {
            return Image.getInstance(t);
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Encoding {
        BitMatrix run() throws WriterException;
    }

    private static BitMatrix encode(Encoding encoding) {
        try {
            return encoding.run();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode barcode: " + e.getMessage(), e);
        }
    }
}
