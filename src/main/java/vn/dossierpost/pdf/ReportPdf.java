package vn.dossierpost.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.dossierpost.api.PeriodicReportView;
import vn.dossierpost.api.PeriodicReportView.Column;
import vn.dossierpost.api.PeriodicReportView.Section;

/**
 * A periodic report on A4 landscape (its tables have up to ten columns): the title, the period and
 * the scope, then each section as a table, numbers right-aligned with Vietnamese thousands dots.
 * Stateless and safe to share.
 */
public final class ReportPdf {
    private static final Font TEXT = new Font(PdfFonts.REGULAR, 8f);
    private static final Font STRONG = new Font(PdfFonts.BOLD, 8f);
    private static final Font HEADING = new Font(PdfFonts.BOLD, 11f);
    private static final Font TITLE = new Font(PdfFonts.BOLD, 13f);
    private static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public byte[] render(PeriodicReportView r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(r.title() + " " + r.period());
            doc.addCreator("dossierpost");
            doc.open();
            Paragraph title = new Paragraph(r.title().toUpperCase(VI), TITLE);
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            Paragraph period = new Paragraph(
                    "Kỳ báo cáo: " + r.period() + " (từ ngày " + DAY.format(r.from()) + " đến ngày "
                            + DAY.format(r.to()) + ")",
                    STRONG);
            period.setAlignment(Element.ALIGN_CENTER);
            doc.add(period);
            Paragraph scope = new Paragraph(
                    "Phạm vi: "
                            + (r.officeCode() == null
                                    ? "toàn mạng lưới"
                                    : r.officeName() + " (" + r.officeCode() + ")"),
                    TEXT);
            scope.setAlignment(Element.ALIGN_CENTER);
            doc.add(scope);
            for (Section section : r.sections()) {
                doc.add(section.columns().isEmpty() ? note(section) : table(section));
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot draw the report " + r.kind() + " " + r.period(), e);
        }
        return out.toByteArray();
    }

    /** A section with nothing counted yet: its title and what it says, kept on one page. */
    private static Paragraph note(Section section) {
        Paragraph p = new Paragraph(section.title() + "\n", HEADING);
        p.add(new Phrase(section.note(), TEXT));
        p.setSpacingBefore(12);
        p.setKeepTogether(true);
        return p;
    }

    private static PdfPTable table(Section section) throws DocumentException {
        List<Column> columns = section.columns();
        float[] widths = new float[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            String key = columns.get(c).key();
            widths[c] = key.equals("name")
                    ? 26
                    : key.equals("leg") ? 24 : columns.get(c).number() ? 9 : 12;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        // the section's title is the table's first header row: never left alone at the foot of a
        // page, and repeated with the column headings on the next
        table.setHeaderRows(2);
        PdfPCell heading = new PdfPCell(new Phrase(section.title(), HEADING));
        heading.setColspan(columns.size());
        heading.setBorder(Rectangle.NO_BORDER);
        heading.setPaddingBottom(6);
        table.addCell(heading);
        for (Column column : columns) {
            table.addCell(cell(column.label(), STRONG, column.number() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
        }
        for (Map<String, Object> line : section.rows()) {
            boolean total = Boolean.TRUE.equals(line.get("total"));
            for (Column column : columns) {
                Object value = line.get(column.key());
                table.addCell(cell(
                        text(value),
                        total ? STRONG : TEXT,
                        column.number() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
            }
        }
        return table;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(VI, "%.1f", d);
        }
        if (value instanceof Long n) {
            return ReceiptPdf.vnd(n);
        }
        return value.toString();
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setPadding(3);
        return cell;
    }
}
