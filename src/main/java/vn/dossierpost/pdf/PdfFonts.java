package vn.dossierpost.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, read once from the classpath (jasperreports-fonts) and embedded as an Identity-H
 * subset: it covers Vietnamese, and the base-14 PDF fonts do not. A {@link BaseFont} can be
 * shared between documents; each PDF writer keeps its own subset of the glyphs it used.
 */
public final class PdfFonts {

    private static final String DIR = "/net/sf/jasperreports/fonts/dejavu/";

    public static final BaseFont REGULAR = load("DejaVuSans.ttf");
    public static final BaseFont BOLD = load("DejaVuSans-Bold.ttf");

    private PdfFonts() {}

    private static BaseFont load(String file) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("font not on the classpath: " + DIR + file);
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("cannot load font " + file, e);
        }
    }
}
