package vn.dossierpost.pdf;

import com.lowagie.text.Chunk;
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
import java.awt.Color;
import java.text.Normalizer;
import java.util.List;

/**
 * What the two A5 slips share — the consignment slip going out and the return slip coming back —
 * so that counter staff read both the same way: fonts, the barcode and QR header cells, parties,
 * signature blocks, amounts and the small building blocks. Labels are Vietnamese with the English
 * in smaller grey text.
 */
final class SlipLayout {
    static final float MARGIN = 20f;
    static final float CONTENT_WIDTH = PageSize.A5.getWidth() - 2 * MARGIN;
    /** Title or post, barcode, QR code. */
    static final float[] HEADER_WIDTHS = {44, 38, 18};

    static final Color GREY = new Color(95, 95, 95);
    static final Color SHADE = new Color(232, 232, 232);
    static final Font TEXT = new Font(PdfFonts.REGULAR, 7f);
    static final Font STRONG = new Font(PdfFonts.BOLD, 7f);
    static final Font ENGLISH = new Font(PdfFonts.REGULAR, 5.5f, Font.NORMAL, GREY);
    static final Font FINE = new Font(PdfFonts.REGULAR, 5.8f);
    static final Font FINE_BOLD = new Font(PdfFonts.BOLD, 5.8f);
    static final Font FINE_ENGLISH = new Font(PdfFonts.REGULAR, 5.3f, Font.NORMAL, GREY);
    static final Font TITLE = new Font(PdfFonts.BOLD, 10.5f);
    static final Font ITEM_NUMBER = new Font(PdfFonts.BOLD, 9f);

    /** Identifiers break only after a slash (URLs), never at their hyphens or dots. */
    private static final SplitCharacter AFTER_SLASH =
            (start, current, end, chars, chunks) -> chars[current] == '/' || chars[current] == ' ';

    private SlipLayout() {}

    // --- sections ------------------------------------------------------------------------------

    /** The item's Code 128 barcode with its number, then the tracking QR code: the header's last two cells. */
    static void addBarcodeAndQr(PdfPTable header, PdfContentByte canvas, String s10Number, String trackingUrl) {
        float inner = CONTENT_WIDTH * HEADER_WIDTHS[1] / 100 - 6;
        Image barcode = Barcodes.code128(canvas, s10Number, 0.75f, 34f);
        if (barcode.getScaledWidth() > inner) {
            barcode.scaleAbsoluteWidth(inner);
        }
        barcode.setAlignment(Image.MIDDLE);
        PdfPCell bars = cell();
        bars.setBorder(Rectangle.NO_BORDER);
        bars.addElement(barcode);
        Paragraph number = para(ITEM_NUMBER, new Chunk(s10Number, ITEM_NUMBER));
        number.setAlignment(Element.ALIGN_CENTER);
        bars.addElement(number);
        header.addCell(bars);

        float side = CONTENT_WIDTH * HEADER_WIDTHS[2] / 100 - 6;
        Image qr = Barcodes.qr(canvas, trackingUrl, 1.6f);
        qr.scaleToFit(side, side);
        qr.setAlignment(Image.MIDDLE);
        PdfPCell track = cell();
        track.setBorder(Rectangle.NO_BORDER);
        track.addElement(qr);
        Paragraph caption = para(FINE, new Chunk("Tra cứu ", FINE), new Chunk("/ Tracking", FINE_ENGLISH));
        caption.setAlignment(Element.ALIGN_CENTER);
        track.addElement(caption);
        header.addCell(track);
    }

    /** "Mã hồ sơ / Dossier code:" and the code, under the header's first cell. */
    static void addDossierCode(PdfPCell cell, String dossierCode) {
        Paragraph code = para(TEXT, new Chunk(nfc("Mã hồ sơ "), TEXT), new Chunk("/ Dossier code:", ENGLISH));
        code.setSpacingBefore(3);
        cell.addElement(code);
        cell.addElement(para(STRONG, identifier(dossierCode, STRONG)));
    }

    /** A sender or recipient: name, address, phone and e-mail. */
    static PdfPCell party(String vi, String en, SlipData.Party party) {
        PdfPCell cell = cell();
        cell.addElement(heading(vi, en));
        cell.addElement(para(STRONG, new Chunk(nfc(party.name()), STRONG)));
        cell.addElement(labelled("Địa chỉ", "Address", party.address(), TEXT));
        Paragraph contact = para(TEXT);
        if (present(party.phone())) {
            contact.add(new Chunk(nfc("Điện thoại"), TEXT));
            contact.add(new Chunk(" / Phone", ENGLISH));
            contact.add(new Chunk(": " + party.phone() + (present(party.email()) ? "   " : ""), TEXT));
        }
        if (present(party.email())) {
            contact.add(new Chunk("Email: ", TEXT));
            contact.add(identifier(party.email(), TEXT));
        }
        cell.addElement(contact);
        return cell;
    }

    /** A post office's name, address and phone. */
    static void addOffice(PdfPCell cell, String vi, String en, SlipData.PostOffice office) {
        cell.addElement(labelled(vi, en, office.name(), TEXT));
        cell.addElement(para(TEXT, new Chunk(nfc(join(office.address(), office.phone())), TEXT)));
    }

    static Paragraph freeTracking(String trackingUrl) {
        Paragraph tracking = para(
                TEXT,
                new Chunk(nfc("Tra cứu miễn phí"), TEXT),
                new Chunk(" / Free tracking", ENGLISH),
                new Chunk(": ", TEXT));
        tracking.add(identifier(trackingUrl, TEXT));
        return tracking;
    }

    /** A label and an amount, unruled; {@code ruleAbove} for a total. */
    static void addPrice(PdfPTable prices, String vi, String en, long amount, Font font, boolean ruleAbove) {
        Phrase label = new Phrase(nfc(vi), font);
        if (en != null) {
            label.add(new Chunk(" / " + en, ENGLISH));
        }
        PdfPCell name = new PdfPCell(label);
        PdfPCell sum = new PdfPCell(new Phrase(SlipText.vnd(amount), font));
        styleTableCell(name, Element.ALIGN_LEFT);
        styleTableCell(sum, Element.ALIGN_RIGHT);
        for (PdfPCell cell : List.of(name, sum)) {
            cell.setBorder(ruleAbove ? Rectangle.TOP : Rectangle.NO_BORDER);
            cell.setPaddingLeft(0);
            prices.addCell(cell);
        }
    }

    /** Two signature blocks side by side, kept on one page. */
    static PdfPTable signatures(
            String leftVi, String leftEn, String leftName, String rightVi, String rightEn, String rightName) {
        PdfPTable table = table(50, 50);
        table.setKeepTogether(true);
        table.addCell(signature(leftVi, leftEn, leftName));
        table.addCell(signature(rightVi, rightEn, rightName));
        return table;
    }

    private static PdfPCell signature(String vi, String en, String name) {
        PdfPCell cell = cell();
        cell.setBorder(Rectangle.NO_BORDER);
        Paragraph role = para(STRONG, new Chunk(nfc(vi) + " ", STRONG), new Chunk("/ " + en, ENGLISH));
        role.setAlignment(Element.ALIGN_CENTER);
        cell.addElement(role);
        Paragraph hint = para(
                FINE, new Chunk(nfc("(Ký, ghi rõ họ tên) "), FINE), new Chunk("(Signature, full name)", FINE_ENGLISH));
        hint.setAlignment(Element.ALIGN_CENTER);
        cell.addElement(hint);
        Paragraph signed = para(STRONG, new Chunk(nfc(nonNull(name)), STRONG));
        signed.setAlignment(Element.ALIGN_CENTER);
        signed.setSpacingBefore(26);
        cell.addElement(signed);
        return cell;
    }

    /** A small-print paragraph, justified, Vietnamese then English. */
    static Paragraph smallPrint(Chunk... chunks) {
        Paragraph p = para(FINE, chunks);
        p.setSpacingBefore(3);
        p.setSpacingAfter(4);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        return p;
    }

    // --- building blocks -----------------------------------------------------------------------

    static PdfPTable table(float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingAfter(3);
        return table;
    }

    static PdfPCell cell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorderWidth(0.5f);
        cell.setBorderColor(GREY);
        cell.setPadding(3);
        cell.setPaddingTop(1);
        return cell;
    }

    static Paragraph heading(String vi, String en) {
        Paragraph p = para(STRONG, new Chunk(nfc(vi) + " ", STRONG), new Chunk("/ " + en, ENGLISH));
        p.setSpacingAfter(1);
        return p;
    }

    /** "Label / English: value", the English left out when null; a null value leaves the paragraph for the caller to finish. */
    static Paragraph labelled(String vi, String en, String value, Font valueFont) {
        return labelled(vi, en, value, valueFont, null);
    }

    /** As above, with an English gloss of the value after it. */
    static Paragraph labelled(String vi, String en, String value, Font valueFont, String valueEn) {
        Paragraph p = para(TEXT, new Chunk(nfc(vi), TEXT));
        if (en != null) {
            p.add(new Chunk(" / " + en, ENGLISH));
        }
        p.add(new Chunk(": ", TEXT));
        if (value != null) {
            p.add(new Chunk(nfc(value), valueFont));
        }
        if (present(valueEn)) {
            p.add(new Chunk(" (" + valueEn + ")", ENGLISH));
        }
        return p;
    }

    static PdfPCell columnHeader(String vi, String en) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(nfc(vi), STRONG));
        phrase.add(new Chunk("\n" + en, ENGLISH));
        PdfPCell cell = new PdfPCell(phrase);
        styleTableCell(cell, Element.ALIGN_CENTER);
        cell.setBackgroundColor(SHADE);
        return cell;
    }

    static PdfPCell value(String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(nfc(nonNull(text)), TEXT));
        styleTableCell(cell, alignment);
        return cell;
    }

    private static void styleTableCell(PdfPCell cell, int alignment) {
        cell.setBorderWidth(0.5f);
        cell.setBorderColor(GREY);
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(1.5f);
        cell.setPaddingBottom(2.5f);
        cell.setLeading(0, 1.1f);
    }

    static Paragraph para(Font font, Chunk... chunks) {
        Paragraph p = new Paragraph();
        p.setFont(font);
        p.setLeading(0, 1.2f);
        for (Chunk c : chunks) {
            p.add(c);
        }
        return p;
    }

    static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (present(part)) {
                sb.append(sb.length() == 0 ? "" : " · ").append(part);
            }
        }
        return sb.toString();
    }

    static Chunk identifier(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(AFTER_SLASH);
        return chunk;
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Decomposed input (as some keyboards produce) would print stacked marks badly: compose it. */
    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
