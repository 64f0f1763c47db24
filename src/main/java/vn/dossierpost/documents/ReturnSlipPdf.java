package vn.dossierpost.documents;

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
import java.util.List;

/**
 * The return slip, "Phiếu gửi kết quả" (QĐ 45/2016/QĐ-TTg Art. 9): printed when the clerk collects
 * a procedure's result, or a refusal notice, at the agency; the clerk and the agency officer both
 * sign it and the envelope is sealed. A5 portrait with the return item's barcode, laid out like
 * the consignment slip so that counter staff read both the same way. Stateless and safe to share.
 */
public final class ReturnSlipPdf {

  private static final float MARGIN = 20f;
  private static final float CONTENT_WIDTH = PageSize.A5.getWidth() - 2 * MARGIN;
  private static final float[] HEADER_WIDTHS = {44, 38, 18};

  private static final Color GREY = new Color(95, 95, 95);
  private static final Color SHADE = new Color(232, 232, 232);
  private static final Font TEXT = new Font(PdfFonts.REGULAR, 7f);
  private static final Font STRONG = new Font(PdfFonts.BOLD, 7f);
  private static final Font ENGLISH = new Font(PdfFonts.REGULAR, 5.5f, Font.NORMAL, GREY);
  private static final Font FINE = new Font(PdfFonts.REGULAR, 5.8f);
  private static final Font FINE_ENGLISH = new Font(PdfFonts.REGULAR, 5.3f, Font.NORMAL, GREY);
  private static final Font POST = new Font(PdfFonts.BOLD, 8.5f);
  private static final Font TITLE = new Font(PdfFonts.BOLD, 10.5f);
  private static final Font ITEM_NUMBER = new Font(PdfFonts.BOLD, 9f);

  private static final String RESULT_TITLE = "PHIẾU GỬI KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
  private static final String REFUSAL_TITLE = "PHIẾU GỬI THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ";

  /** Identifiers break only after a slash (URLs), never at their hyphens or dots. */
  private static final SplitCharacter AFTER_SLASH = (start, current, end, chars, chunks) ->
      chars[current] == '/' || chars[current] == ' ';

  public byte[] render(ReturnSlipData slip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    write(slip, out);
    return out.toByteArray();
  }

  /** Writes the PDF to {@code out}, which is left open. */
  public void write(ReturnSlipData slip, OutputStream out) {
    Document doc = new Document(PageSize.A5, MARGIN, MARGIN, 18, 18);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      writer.setCloseStream(false);
      writer.setPageEvent(
          new PageFooter(slip.returnS10Number() + " · " + slip.dossierCode() + " · ", 5.5f));
      doc.addTitle("Phiếu gửi kết quả " + slip.returnS10Number());
      doc.addSubject((slip.refusal()
          ? "Phiếu gửi thông báo từ chối giải quyết hồ sơ "
          : "Phiếu gửi kết quả giải quyết thủ tục hành chính ") + slip.dossierCode());
      doc.addCreator("dossierpost");
      doc.open();
      doc.add(header(slip, writer.getDirectContent()));
      doc.add(title(slip));
      doc.add(references(slip));
      doc.add(parties(slip));
      doc.add(collectionAndDelivery(slip));
      doc.add(items(slip));
      if (slip.amountDueOnDelivery() > 0 || slip.governmentFeeRemitted() > 0) {
        doc.add(money(slip));
      }
      doc.add(sealing());
      doc.add(signatures(slip));
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot lay out the return slip", e);
    }
  }

  // --- sections, top to bottom ---------------------------------------------------------------

  /** The post and the dossier code, the return item's barcode, the tracking QR code. */
  private static PdfPTable header(ReturnSlipData slip, PdfContentByte canvas) {
    PdfPTable table = table(HEADER_WIDTHS);

    PdfPCell post = cell();
    post.setBorder(Rectangle.NO_BORDER);
    post.addElement(para(POST, new Chunk(nfc("BƯU ĐIỆN VIỆT NAM"), POST)));
    post.addElement(para(FINE, new Chunk(nfc("Dịch vụ bưu chính công ích "), FINE),
        new Chunk("/ Public postal service", FINE_ENGLISH)));
    Paragraph code = para(TEXT, new Chunk(nfc("Mã hồ sơ "), TEXT), new Chunk("/ Dossier code:", ENGLISH));
    code.setSpacingBefore(3);
    post.addElement(code);
    post.addElement(para(STRONG, identifier(slip.dossierCode(), STRONG)));
    table.addCell(post);

    float inner = CONTENT_WIDTH * HEADER_WIDTHS[1] / 100 - 6;
    Image barcode = Barcodes.code128(canvas, slip.returnS10Number(), 0.75f, 34f);
    if (barcode.getScaledWidth() > inner) {
      barcode.scaleAbsoluteWidth(inner);
    }
    barcode.setAlignment(Image.MIDDLE);
    PdfPCell bars = cell();
    bars.setBorder(Rectangle.NO_BORDER);
    bars.addElement(barcode);
    Paragraph number = para(ITEM_NUMBER, new Chunk(slip.returnS10Number(), ITEM_NUMBER));
    number.setAlignment(Element.ALIGN_CENTER);
    bars.addElement(number);
    table.addCell(bars);

    float side = CONTENT_WIDTH * HEADER_WIDTHS[2] / 100 - 6;
    Image qr = Barcodes.qr(canvas, slip.trackingUrl(), 1.6f);
    qr.scaleToFit(side, side);
    qr.setAlignment(Image.MIDDLE);
    PdfPCell track = cell();
    track.setBorder(Rectangle.NO_BORDER);
    track.addElement(qr);
    Paragraph caption = para(FINE, new Chunk("Tra cứu ", FINE), new Chunk("/ Tracking", FINE_ENGLISH));
    caption.setAlignment(Element.ALIGN_CENTER);
    track.addElement(caption);
    table.addCell(track);
    return table;
  }

  private static Paragraph title(ReturnSlipData slip) {
    Paragraph title = para(TITLE,
        new Chunk(nfc(slip.refusal() ? REFUSAL_TITLE : RESULT_TITLE), TITLE),
        Chunk.NEWLINE,
        new Chunk(slip.refusal()
            ? "RETURN SLIP FOR A NOTICE OF REFUSAL"
            : "RETURN SLIP FOR THE RESULT OF AN ADMINISTRATIVE PROCEDURE", ENGLISH));
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingAfter(3);
    return title;
  }

  /** What this envelope answers: the procedure, the agency's reference, the outbound item. */
  private static PdfPTable references(ReturnSlipData slip) {
    PdfPTable table = table(100);
    PdfPCell cell = cell();
    cell.addElement(labelled("Thủ tục hành chính", "Procedure", slip.procedureName(), STRONG));
    if (present(slip.resultReference())) {
      Paragraph reference = slip.refusal()
          ? labelled("Số, ký hiệu thông báo", "Notice reference", null, STRONG)
          : labelled("Số, ký hiệu kết quả", "Result reference", null, STRONG);
      reference.add(identifier(nfc(slip.resultReference()), STRONG));
      cell.addElement(reference);
    }
    if (present(slip.outboundS10Number())) {
      Paragraph outbound = labelled("Số hiệu bưu gửi hồ sơ chiều đi", "Outbound item", null, TEXT);
      outbound.add(identifier(slip.outboundS10Number(), STRONG));
      cell.addElement(outbound);
    }
    table.addCell(cell);
    return table;
  }

  private static PdfPTable parties(ReturnSlipData slip) {
    PdfPTable table = table(50, 50);
    table.addCell(party("NGƯỜI GỬI (CƠ QUAN)", "Sender (agency)", slip.agency()));
    table.addCell(party("NGƯỜI NHẬN", "Recipient", slip.recipient()));
    return table;
  }

  private static PdfPCell party(String vi, String en, SlipData.Party party) {
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

  /** Who collected, when and where; how and from which office it is delivered. */
  private static PdfPTable collectionAndDelivery(ReturnSlipData slip) {
    PdfPTable table = table(50, 50);
    SlipData.PostOffice collecting = slip.collectingOffice();
    PdfPCell collected = cell();
    collected.addElement(heading("NHẬN GỬI TẠI CƠ QUAN", "Collection"));
    collected.addElement(labelled("Thời gian", "Time", SlipText.dateTime(slip.collectedAt()), STRONG));
    collected.addElement(labelled("Bưu cục nhận", "Office", collecting.name(), TEXT));
    collected.addElement(para(TEXT, new Chunk(nfc(join(collecting.address(), collecting.phone())), TEXT)));
    table.addCell(collected);

    SlipData.PostOffice delivering = slip.deliveringOffice();
    PdfPCell delivery = cell();
    delivery.addElement(heading("PHÁT", "Delivery"));
    String[] method = SlipText.deliveryMethod(slip.deliveryMethod());
    delivery.addElement(labelled("Phương thức", "Method", method[0], STRONG, method[1]));
    delivery.addElement(labelled("Bưu cục phát", "Office", delivering.name(), TEXT));
    delivery.addElement(para(TEXT, new Chunk(nfc(join(delivering.address(), delivering.phone())), TEXT)));
    Paragraph tracking = para(TEXT, new Chunk(nfc("Tra cứu miễn phí"), TEXT),
        new Chunk(" / Free tracking", ENGLISH), new Chunk(": ", TEXT));
    tracking.add(identifier(slip.trackingUrl(), TEXT));
    delivery.addElement(tracking);
    table.addCell(delivery);
    return table;
  }

  /** The contents of the sealed envelope, under a header repeated if the list runs over. */
  private static PdfPTable items(ReturnSlipData slip) {
    PdfPTable table = table(6, 62, 22, 10);
    table.addCell(columnHeader("STT", "No."));
    table.addCell(columnHeader("Giấy tờ trong phong bì", "Contents of the envelope"));
    table.addCell(columnHeader("Loại", "Kind"));
    table.addCell(columnHeader("Số bản", "Copies"));
    table.setHeaderRows(1);
    int no = 1;
    for (ReturnSlipData.Item item : slip.items()) {
      table.addCell(value(String.valueOf(no++), Element.ALIGN_CENTER));
      table.addCell(value(item.name(), Element.ALIGN_LEFT));
      table.addCell(value(itemKind(item.kind()), Element.ALIGN_CENTER));
      table.addCell(value(String.valueOf(item.copies()), Element.ALIGN_CENTER));
    }
    return table;
  }

  /** Only the amounts that apply: most returns carry neither. */
  private static PdfPTable money(ReturnSlipData slip) {
    PdfPTable prices = new PdfPTable(new float[] {70, 30});
    prices.setWidthPercentage(100);
    if (slip.amountDueOnDelivery() > 0) {
      addPrice(prices, "Thu khi phát (COD)", "Cash on delivery", slip.amountDueOnDelivery(), STRONG);
    }
    if (slip.governmentFeeRemitted() > 0) {
      addPrice(prices, "Phí, lệ phí đã nộp cho cơ quan", "Fee paid to the agency",
          slip.governmentFeeRemitted(), TEXT);
    }
    PdfPTable table = table(100);
    table.setKeepTogether(true);
    PdfPCell cell = cell();
    cell.addElement(heading("TIỀN", "Amounts"));
    cell.addElement(prices);
    table.addCell(cell);
    return table;
  }

  private static void addPrice(PdfPTable prices, String vi, String en, long amount, Font font) {
    Phrase label = new Phrase(nfc(vi), font);
    label.add(new Chunk(" / " + en, ENGLISH));
    PdfPCell name = new PdfPCell(label);
    PdfPCell sum = new PdfPCell(new Phrase(SlipText.vnd(amount), font));
    styleTableCell(name, Element.ALIGN_LEFT);
    styleTableCell(sum, Element.ALIGN_RIGHT);
    for (PdfPCell cell : List.of(name, sum)) {
      cell.setBorder(Rectangle.NO_BORDER);
      cell.setPaddingLeft(0);
      prices.addCell(cell);
    }
  }

  /** What the two signatures attest (Art. 9): the contents above, sealed in their presence. */
  private static Paragraph sealing() {
    Paragraph p = para(FINE,
        new Chunk(nfc("Hai bên đã kiểm đếm đủ giấy tờ nêu trên và niêm phong phong bì trước khi ký. "),
            FINE),
        new Chunk("Both parties counted the contents listed above and sealed the envelope before"
            + " signing.", FINE_ENGLISH));
    p.setSpacingBefore(3);
    p.setSpacingAfter(4);
    p.setAlignment(Element.ALIGN_JUSTIFIED);
    return p;
  }

  private static PdfPTable signatures(ReturnSlipData slip) {
    PdfPTable table = table(50, 50);
    table.setKeepTogether(true);
    table.addCell(signature("ĐẠI DIỆN CƠ QUAN GIẢI QUYẾT", "Agency officer", slip.agencyOfficer()));
    table.addCell(signature("NHÂN VIÊN BƯU ĐIỆN", "Post office clerk", slip.collectedBy()));
    return table;
  }

  private static PdfPCell signature(String vi, String en, String name) {
    PdfPCell cell = cell();
    cell.setBorder(Rectangle.NO_BORDER);
    Paragraph role = para(STRONG, new Chunk(nfc(vi) + " ", STRONG), new Chunk("/ " + en, ENGLISH));
    role.setAlignment(Element.ALIGN_CENTER);
    cell.addElement(role);
    Paragraph hint = para(FINE, new Chunk(nfc("(Ký, ghi rõ họ tên) "), FINE),
        new Chunk("(Signature, full name)", FINE_ENGLISH));
    hint.setAlignment(Element.ALIGN_CENTER);
    cell.addElement(hint);
    Paragraph signed = para(STRONG, new Chunk(nfc(nonNull(name)), STRONG));
    signed.setAlignment(Element.ALIGN_CENTER);
    signed.setSpacingBefore(26);
    cell.addElement(signed);
    return cell;
  }

  /** Vietnamese name of an item's kind; unknown names as given. */
  private static String itemKind(String name) {
    return switch (name) {
      case "RESULT" -> "Kết quả";
      case "ORIGINAL_RETURNED" -> "Bản chính trả lại";
      default -> name;
    };
  }

  // --- building blocks -----------------------------------------------------------------------

  private static PdfPTable table(float... widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingAfter(3);
    return table;
  }

  private static PdfPCell cell() {
    PdfPCell cell = new PdfPCell();
    cell.setBorderWidth(0.5f);
    cell.setBorderColor(GREY);
    cell.setPadding(3);
    cell.setPaddingTop(1);
    return cell;
  }

  private static Paragraph heading(String vi, String en) {
    Paragraph p = para(STRONG, new Chunk(nfc(vi) + " ", STRONG), new Chunk("/ " + en, ENGLISH));
    p.setSpacingAfter(1);
    return p;
  }

  /** "Label / English: value"; a null value leaves the paragraph open for the caller to finish. */
  private static Paragraph labelled(String vi, String en, String value, Font valueFont) {
    return labelled(vi, en, value, valueFont, "");
  }

  /** As above, with an English gloss of the value after it. */
  private static Paragraph labelled(String vi, String en, String value, Font valueFont, String valueEn) {
    Paragraph p = para(TEXT, new Chunk(nfc(vi), TEXT), new Chunk(" / " + en, ENGLISH),
        new Chunk(": ", TEXT));
    if (value != null) {
      p.add(new Chunk(nfc(value), valueFont));
    }
    if (valueEn != null && !valueEn.isEmpty()) {
      p.add(new Chunk(" (" + valueEn + ")", ENGLISH));
    }
    return p;
  }

  private static PdfPCell columnHeader(String vi, String en) {
    Phrase phrase = new Phrase();
    phrase.add(new Chunk(nfc(vi), STRONG));
    phrase.add(new Chunk("\n" + en, ENGLISH));
    PdfPCell cell = new PdfPCell(phrase);
    styleTableCell(cell, Element.ALIGN_CENTER);
    cell.setBackgroundColor(SHADE);
    return cell;
  }

  private static PdfPCell value(String text, int alignment) {
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

  private static Paragraph para(Font font, Chunk... chunks) {
    Paragraph p = new Paragraph();
    p.setFont(font);
    p.setLeading(0, 1.2f);
    for (Chunk c : chunks) {
      p.add(c);
    }
    return p;
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        sb.append(sb.length() == 0 ? "" : " · ").append(part);
      }
    }
    return sb.toString();
  }

  private static Chunk identifier(String text, Font font) {
    Chunk chunk = new Chunk(text, font);
    chunk.setSplitCharacter(AFTER_SLASH);
    return chunk;
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /** Decomposed input (as some keyboards produce) would print stacked marks badly: compose it. */
  private static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
