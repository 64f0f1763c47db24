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

/**
 * The statement of government fees the post collected for an agency ("Bảng kê nộp phí, lệ phí"):
 * A4, one line per dossier, the total, and who remitted it when it was. Stateless and safe to share.
 */
public final class RemittancePdf {
    private static final Font TEXT = new Font(PdfFonts.REGULAR, 9f);
    private static final Font STRONG = new Font(PdfFonts.BOLD, 9f);
    private static final Font TITLE = new Font(PdfFonts.BOLD, 13f);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    public byte[] render(RemittanceData r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Bảng kê nộp lệ phí " + r.number());
            doc.addCreator("dossierpost");
            doc.open();
            Paragraph title = new Paragraph("BẢNG KÊ NỘP PHÍ, LỆ PHÍ THU HỘ", TITLE);
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            Paragraph number = new Paragraph("Số: " + r.number(), STRONG);
            number.setAlignment(Element.ALIGN_CENTER);
            number.setSpacingAfter(10);
            doc.add(number);
            doc.add(new Paragraph("Cơ quan nhận: " + r.agencyName() + " (" + r.agencyCode() + ")", TEXT));
            doc.add(new Paragraph("Kỳ: từ ngày " + DAY.format(r.from()) + " đến ngày " + DAY.format(r.to()), TEXT));
            doc.add(lines(r));
            doc.add(new Paragraph(
                    r.remittedBy() == null
                            ? "Chưa nộp cho cơ quan."
                            : "Đã nộp: " + WHEN.format(r.remittedAt()) + ", người nộp: " + r.remittedBy(),
                    TEXT));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot draw remittance statement " + r.number(), e);
        }
        return out.toByteArray();
    }

    private static PdfPTable lines(RemittanceData r) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {8, 34, 20, 18, 20});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setSpacingAfter(8);
        table.setHeaderRows(1);
        for (String head : new String[] {"STT", "Mã hồ sơ", "Thủ tục", "Ngày thu", "Lệ phí (đồng)"}) {
            table.addCell(cell(head, STRONG, Element.ALIGN_LEFT));
        }
        int n = 0;
        for (RemittanceData.Line line : r.lines()) {
            table.addCell(cell(String.valueOf(++n), TEXT, Element.ALIGN_LEFT));
            table.addCell(cell(line.dossierCode(), TEXT, Element.ALIGN_LEFT));
            table.addCell(cell(line.procedureCode(), TEXT, Element.ALIGN_LEFT));
            table.addCell(cell(DAY.format(line.paidOn()), TEXT, Element.ALIGN_LEFT));
            table.addCell(cell(ReceiptPdf.vnd(line.governmentFee()), TEXT, Element.ALIGN_RIGHT));
        }
        PdfPCell label = cell("Tổng cộng: " + r.lines().size() + " hồ sơ", STRONG, Element.ALIGN_LEFT);
        label.setColspan(4);
        table.addCell(label);
        table.addCell(cell(ReceiptPdf.vnd(r.total()), STRONG, Element.ALIGN_RIGHT));
        return table;
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setPadding(4);
        return cell;
    }
}
