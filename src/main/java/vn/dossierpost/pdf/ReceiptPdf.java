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
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The receipt for money taken at the counter ("Biên lai thu tiền"), or the refund of it ("Phiếu
 * hoàn tiền"): A5, numbered, itemised, with the payment method. Stateless and safe to share.
 */
public final class ReceiptPdf {
    private static final Font TEXT = new Font(PdfFonts.REGULAR, 9f);
    private static final Font STRONG = new Font(PdfFonts.BOLD, 9f);
    private static final Font TITLE = new Font(PdfFonts.BOLD, 13f);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    public byte[] render(ReceiptData r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document doc = new Document(PageSize.A5, 30, 30, 30, 30);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title(r) + " " + r.number());
            doc.addCreator("dossierpost");
            doc.open();
            doc.add(new Paragraph(r.officeName(), STRONG));
            Paragraph title = new Paragraph(title(r), TITLE);
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingBefore(8);
            doc.add(title);
            Paragraph number = new Paragraph("Số: " + r.number(), STRONG);
            number.setAlignment(Element.ALIGN_CENTER);
            number.setSpacingAfter(10);
            doc.add(number);
            doc.add(new Paragraph((r.refund() ? "Người nhận lại tiền: " : "Người nộp tiền: ") + r.payerName(), TEXT));
            doc.add(new Paragraph("Mã hồ sơ: " + r.dossierCode(), TEXT));
            doc.add(new Paragraph("Thủ tục: " + r.procedureName(), TEXT));
            if (r.reason() != null) {
                doc.add(new Paragraph("Lý do hoàn tiền: " + r.reason(), TEXT));
            }
            doc.add(lines(r));
            doc.add(new Paragraph(
                    "Hình thức: " + r.methodLabel()
                            + (r.methodReference() == null ? "" : " — mã giao dịch " + r.methodReference()),
                    TEXT));
            doc.add(new Paragraph("Thời gian: " + WHEN.format(r.issuedAt()), TEXT));
            doc.add(new Paragraph((r.refund() ? "Người chi: " : "Người thu: ") + r.issuedBy(), TEXT));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot draw receipt " + r.number(), e);
        }
        return out.toByteArray();
    }

    private static String title(ReceiptData r) {
        return r.refund() ? "PHIẾU HOÀN TIỀN" : "BIÊN LAI THU TIỀN";
    }

    private static PdfPTable lines(ReceiptData r) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {70, 30});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setSpacingAfter(8);
        table.addCell(cell("Khoản thu", STRONG, Element.ALIGN_LEFT));
        table.addCell(cell("Số tiền (đồng)", STRONG, Element.ALIGN_RIGHT));
        for (ReceiptData.Line line : r.lines()) {
            table.addCell(cell(line.label(), TEXT, Element.ALIGN_LEFT));
            table.addCell(cell(vnd(line.amount()), TEXT, Element.ALIGN_RIGHT));
        }
        table.addCell(cell(r.refund() ? "Tổng số tiền hoàn" : "Tổng cộng", STRONG, Element.ALIGN_LEFT));
        table.addCell(cell(vnd(r.total()), STRONG, Element.ALIGN_RIGHT));
        return table;
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setPadding(4);
        return cell;
    }

    /** 228.000 as Vietnamese write it. */
    static String vnd(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(amount);
    }
}
