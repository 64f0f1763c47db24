package vn.dossierpost.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The handover record, "Biên bản giao nhận hồ sơ" (QĐ 45/2016/QĐ-TTg Art. 7): the list of
 * dossiers the post hands to an agency, each with its slip (S10) number and completeness, signed
 * by both sides. A4 landscape, so that dossier codes and receipt numbers fit on one line; the
 * table flows over as many pages as needed, repeating its header, and every page carries the
 * handover number and "Trang x/y". Stateless and safe to share.
 */
public final class HandoverRecordPdf {

    /** A4 turned on its side without a /Rotate entry, so text reads left to right on the media box. */
    private static final Rectangle A4_LANDSCAPE = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());

    private static final float MARGIN = 30f;
    private static final float CONTENT_WIDTH = A4_LANDSCAPE.getWidth() - 2 * MARGIN;

    private static final float[] HEADER_WIDTHS = {34, 36, 30};
    private static final float[] LINE_WIDTHS = {3.5f, 15, 9.5f, 22, 13, 7, 14, 16};

    private static final Color GREY = new Color(95, 95, 95);
    private static final Color SHADE = new Color(232, 232, 232);
    private static final Font TEXT = new Font(PdfFonts.REGULAR, 9f);
    private static final Font STRONG = new Font(PdfFonts.BOLD, 9f);
    private static final Font CELL = new Font(PdfFonts.REGULAR, 7.5f);
    private static final Font CELL_BOLD = new Font(PdfFonts.BOLD, 7.5f);
    private static final Font SMALL = new Font(PdfFonts.REGULAR, 8f);
    private static final Font FINE = new Font(PdfFonts.REGULAR, 6.5f, Font.NORMAL, GREY);
    private static final Font TITLE = new Font(PdfFonts.BOLD, 14f);
    private static final Font NUMBER = new Font(PdfFonts.BOLD, 10f);

    private static final String LEGAL_BASIS = "Căn cứ Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016"
            + " của Thủ tướng Chính phủ về việc tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính"
            + " qua dịch vụ bưu chính công ích;";

    /** Identifiers never break at their hyphens or dots; other text breaks at spaces. */
    private static final SplitCharacter AT_SPACE = (start, current, end, chars, chunks) -> chars[current] == ' ';

    public byte[] render(HandoverRecordData record) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(32 * 1024 + record.lines().size() * 400);
        write(record, out);
        return out.toByteArray();
    }

    /** Writes the PDF to {@code out}, which is left open. */
    public void write(HandoverRecordData record, OutputStream out) {
        Document doc = new Document(A4_LANDSCAPE, MARGIN, MARGIN, 26, 34);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new PageFooter(record.handoverNumber() + " · ", 7f));
            doc.addTitle("Biên bản giao nhận hồ sơ " + record.handoverNumber());
            doc.addSubject(nfc("Giao hồ sơ cho " + record.agency().name()));
            doc.addCreator("dossierpost");
            doc.open();
            doc.add(header(record, writer.getDirectContent()));
            doc.add(title());
            doc.add(legalBasis());
            doc.add(parties(record));
            doc.add(dossiers(record));
            doc.add(totals(record));
            doc.add(acknowledgement(record));
            doc.add(signatures());
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay out the handover record", e);
        }
    }

    // --- sections, top to bottom ---------------------------------------------------------------

    /** The post unit and record number, the national motto, the number as a barcode. */
    private static PdfPTable header(HandoverRecordData record, PdfContentByte canvas) {
        PdfPTable table = table(HEADER_WIDTHS);

        PdfPCell unit = plainCell();
        unit.addElement(centred(STRONG, new Chunk(nfc(record.postUnit()).toUpperCase(Locale.ROOT), STRONG)));
        unit.addElement(centred(TEXT, new Chunk(nfc("Số: "), TEXT), identifier(record.handoverNumber(), STRONG)));
        table.addCell(unit);

        PdfPCell motto = plainCell();
        motto.addElement(centred(STRONG, new Chunk(nfc("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), STRONG)));
        Chunk independence = new Chunk(nfc("Độc lập - Tự do - Hạnh phúc"), STRONG);
        independence.setUnderline(0.5f, -2f);
        motto.addElement(centred(STRONG, independence));
        table.addCell(motto);

        float inner = CONTENT_WIDTH * HEADER_WIDTHS[2] / 100 - 6;
        Image barcode = Barcodes.code128(canvas, record.handoverNumber(), 0.9f, 28f);
        if (barcode.getScaledWidth() > inner) {
            barcode.scaleAbsoluteWidth(inner);
        }
        barcode.setAlignment(Image.MIDDLE);
        PdfPCell bars = plainCell();
        bars.addElement(barcode);
        bars.addElement(centred(NUMBER, new Chunk(record.handoverNumber(), NUMBER)));
        table.addCell(bars);
        table.setSpacingAfter(8);
        return table;
    }

    private static Paragraph title() {
        return centred(TITLE, new Chunk(nfc("BIÊN BẢN GIAO NHẬN HỒ SƠ"), TITLE));
    }

    private static Paragraph legalBasis() {
        Paragraph basis = centred(SMALL, new Chunk(nfc(LEGAL_BASIS), SMALL));
        basis.setSpacingBefore(2);
        basis.setSpacingAfter(6);
        return basis;
    }

    private static PdfPTable parties(HandoverRecordData record) {
        PdfPTable table = table(50, 50);
        PdfPCell post = boxedCell();
        post.addElement(para(STRONG, new Chunk(nfc("BÊN GIAO: BƯU ĐIỆN"), STRONG)));
        post.addElement(para(STRONG, new Chunk(nfc(record.postUnit()), STRONG)));
        table.addCell(post);

        HandoverRecordData.Agency agency = record.agency();
        PdfPCell receiver = boxedCell();
        receiver.addElement(para(STRONG, new Chunk(nfc("BÊN NHẬN: CƠ QUAN TIẾP NHẬN HỒ SƠ"), STRONG)));
        receiver.addElement(para(STRONG, new Chunk(nfc(agency.name()), STRONG)));
        receiver.addElement(labelled("Mã cơ quan", identifier(agency.code(), TEXT)));
        if (present(agency.address())) {
            receiver.addElement(labelled("Địa chỉ", new Chunk(nfc(agency.address()), TEXT)));
        }
        table.addCell(receiver);

        PdfPCell how = boxedCell();
        how.setColspan(2);
        Paragraph line = labelled("Thời điểm lập biên bản", new Chunk(SlipText.dateTime(record.createdAt()), STRONG));
        line.add(new Chunk(nfc("    Hình thức giao: "), TEXT));
        line.add(new Chunk(nfc(SlipText.channel(record.channel())), STRONG));
        line.add(new Chunk(nfc("    Trạng thái: "), TEXT));
        line.add(new Chunk(nfc(SlipText.handoverState(record.state())), STRONG));
        how.addElement(line);
        table.addCell(how);

        table.setSpacingAfter(6);
        return table;
    }

    /** One row per dossier under a header row that is repeated on every page. */
    private static PdfPTable dossiers(HandoverRecordData record) {
        PdfPTable table = table(LINE_WIDTHS);
        table.setHeaderRows(1);
        for (String heading : new String[] {
            "STT",
            "Mã hồ sơ",
            "Số hiệu bưu gửi (S10)",
            "Thủ tục hành chính",
            "Người nộp hồ sơ",
            "Giấy tờ / tệp",
            "Tình trạng hồ sơ",
            "Số tiếp nhận của cơ quan"
        }) {
            PdfPCell cell = tableCell(new Phrase(nfc(heading), CELL_BOLD), Element.ALIGN_CENTER);
            cell.setBackgroundColor(SHADE);
            table.addCell(cell);
        }
        if (record.lines().isEmpty()) {
            PdfPCell none = tableCell(new Phrase(nfc("Không có hồ sơ"), CELL), Element.ALIGN_CENTER);
            none.setColspan(LINE_WIDTHS.length);
            table.addCell(none);
        }
        int no = 1;
        for (HandoverRecordData.Line line : record.lines()) {
            table.addCell(tableCell(new Phrase(String.valueOf(no++), CELL), Element.ALIGN_CENTER));
            table.addCell(tableCell(new Phrase(identifier(line.dossierCode(), CELL)), Element.ALIGN_LEFT));
            table.addCell(tableCell(new Phrase(identifier(line.s10Number(), CELL)), Element.ALIGN_CENTER));
            table.addCell(tableCell(new Phrase(nfc(line.procedureName()), CELL), Element.ALIGN_LEFT));
            table.addCell(tableCell(new Phrase(nfc(line.applicantName()), CELL), Element.ALIGN_LEFT));

            Phrase counts = new Phrase(line.documents() + " / " + line.files(), CELL);
            counts.add(new Chunk("\n" + SlipText.megabytes(line.bytes()), FINE));
            table.addCell(tableCell(counts, Element.ALIGN_CENTER));

            Phrase completeness = new Phrase(nfc(line.complete() ? "Đủ" : "Thiếu"), CELL_BOLD);
            if (present(line.note())) {
                completeness.add(new Chunk("\n" + nfc(line.note()), CELL));
            }
            table.addCell(tableCell(completeness, Element.ALIGN_LEFT));

            Phrase receipt = new Phrase();
            if (present(line.receiptNumber())) {
                receipt.add(identifier(line.receiptNumber(), CELL));
            }
            if (line.receivedAt() != null) {
                receipt.add(new Chunk("\n" + SlipText.dateTime(line.receivedAt()), FINE));
            }
            table.addCell(tableCell(receipt, Element.ALIGN_LEFT));
        }
        table.setSpacingAfter(4);
        return table;
    }

    private static Paragraph totals(HandoverRecordData record) {
        int dossiers = record.lines().size();
        int incomplete = record.incompleteCount();
        return para(
                TEXT,
                new Chunk(nfc("Tổng cộng: "), STRONG),
                new Chunk(
                        nfc(SlipText.count(dossiers) + " hồ sơ (đủ: " + SlipText.count(dossiers - incomplete)
                                + ", thiếu: " + SlipText.count(incomplete) + "); "
                                + SlipText.count(record.totalDocuments()) + " giấy tờ; "
                                + SlipText.count(record.totalFiles()) + " tệp; "
                                + SlipText.megabytes(record.totalBytes()) + "."),
                        TEXT));
    }

    /** Electronically, the record counts as signed when the agency acknowledges receipt. */
    private static Paragraph acknowledgement(HandoverRecordData record) {
        Paragraph p = para(TEXT, new Chunk(nfc("Thời điểm cơ quan xác nhận tiếp nhận: "), TEXT));
        if (record.acknowledgedAt() != null) {
            p.add(new Chunk(SlipText.dateTime(record.acknowledgedAt()), STRONG));
            p.add(new Chunk(nfc(" (thời điểm nộp hồ sơ chính thức)"), TEXT));
        } else {
            p.add(new Chunk(nfc("Chưa xác nhận"), STRONG));
        }
        p.add(Chunk.NEWLINE);
        p.add(new Chunk(nfc("Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản."), TEXT));
        p.setSpacingAfter(10);
        return p;
    }

    private static PdfPTable signatures() {
        PdfPTable table = table(50, 50);
        table.setKeepTogether(true);
        table.addCell(signature("ĐẠI DIỆN BƯU ĐIỆN"));
        table.addCell(signature("ĐẠI DIỆN CƠ QUAN TIẾP NHẬN"));
        return table;
    }

    private static PdfPCell signature(String role) {
        PdfPCell cell = plainCell();
        cell.addElement(centred(STRONG, new Chunk(nfc(role), STRONG)));
        cell.addElement(centred(TEXT, new Chunk(nfc("(Ký, ghi rõ họ tên)"), TEXT)));
        cell.setMinimumHeight(90);
        return cell;
    }

    // --- building blocks -----------------------------------------------------------------------

    private static PdfPTable table(float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static PdfPCell plainCell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(3);
        cell.setPaddingTop(0);
        return cell;
    }

    private static PdfPCell boxedCell() {
        PdfPCell cell = plainCell();
        cell.setBorder(Rectangle.BOX);
        cell.setBorderWidth(0.5f);
        cell.setBorderColor(GREY);
        cell.setPaddingBottom(5);
        return cell;
    }

    private static PdfPCell tableCell(Phrase phrase, int alignment) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorderWidth(0.5f);
        cell.setBorderColor(GREY);
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(2);
        cell.setPaddingBottom(3);
        cell.setLeading(0, 1.15f);
        return cell;
    }

    /** "Label: value". */
    private static Paragraph labelled(String label, Chunk value) {
        return para(TEXT, new Chunk(nfc(label) + ": ", TEXT), value);
    }

    private static Paragraph centred(Font font, Chunk... chunks) {
        Paragraph p = para(font, chunks);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static Paragraph para(Font font, Chunk... chunks) {
        Paragraph p = new Paragraph();
        p.setFont(font);
        p.setLeading(0, 1.25f);
        for (Chunk c : chunks) {
            p.add(c);
        }
        return p;
    }

    private static Chunk identifier(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(AT_SPACE);
        return chunk;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** Decomposed input (as some keyboards produce) would print stacked marks badly: compose it. */
    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
