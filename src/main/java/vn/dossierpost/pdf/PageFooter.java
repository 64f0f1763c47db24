package vn.dossierpost.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;

/**
 * "&lt;prefix&gt;Trang 2/5" at the bottom right of every page, so that a loose page can be matched
 * to its document. The page count is only known when the document closes: each page shows a
 * template that is filled in then. One instance per document.
 */
final class PageFooter extends PdfPageEventHelper {

    private static final Color GREY = new Color(95, 95, 95);

    private final String prefix;
    private final float size;
    private PdfTemplate total;

    /** {@code prefix} identifies the document, e.g. "EE473124829VN · 000.00.15.H13-261202-0007 · ". */
    PageFooter(String prefix, float size) {
        this.prefix = prefix + "Trang ";
        this.size = size;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(size * 4, size + 2);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        String line = prefix + writer.getPageNumber() + "/";
        float width = PdfFonts.REGULAR.getWidthPoint(line, size);
        float x = document.right() - width - size * 1.5f;
        float y = document.bottom() - size * 2;
        PdfContentByte canvas = writer.getDirectContent();
        canvas.beginText();
        canvas.setFontAndSize(PdfFonts.REGULAR, size);
        canvas.setColorFill(GREY);
        canvas.setTextMatrix(x, y);
        canvas.showText(line);
        canvas.endText();
        canvas.addTemplate(total, x + width, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(PdfFonts.REGULAR, size);
        total.setColorFill(GREY);
        total.setTextMatrix(0, 0);
        total.showText(String.valueOf(writer.getPageNumber() - 1));
        total.endText();
    }
}
