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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

/**
 * The consignment slip, "Phiếu gửi hồ sơ" (TT 17/2017/TT-BTTTT Art. 9): the contract between the
 * applicant and the post, printed on A5 at the counter with the item's barcode. Labels are
 * Vietnamese with the English in smaller grey text. About eight documents fit on one page; a
 * longer list flows on, repeating the table header. Stateless and safe to share.
 */
public final class ConsignmentSlipPdf {

  private static final float MARGIN = 20f;
  private static final float CONTENT_WIDTH = PageSize.A5.getWidth() - 2 * MARGIN;
  private static final float[] HEADER_WIDTHS = {44, 38, 18};

  private static final Color GREY = new Color(95, 95, 95);
  private static final Color SHADE = new Color(232, 232, 232);
  private static final Font TEXT = new Font(PdfFonts.REGULAR, 7f);
  private static final Font STRONG = new Font(PdfFonts.BOLD, 7f);
  private static final Font ENGLISH = new Font(PdfFonts.REGULAR, 5.5f, Font.NORMAL, GREY);
  private static final Font FINE = new Font(PdfFonts.REGULAR, 5.8f);
  private static final Font FINE_BOLD = new Font(PdfFonts.BOLD, 5.8f);
  private static final Font FINE_ENGLISH = new Font(PdfFonts.REGULAR, 5.3f, Font.NORMAL, GREY);
  private static final Font TITLE = new Font(PdfFonts.BOLD, 10.5f);
  private static final Font ITEM_NUMBER = new Font(PdfFonts.BOLD, 9f);

  private static final String[] TERMS = loadTerms();

  /** Identifiers break only after a slash (URLs), never at their hyphens or dots. */
  private static final SplitCharacter AFTER_SLASH = (start, current, end, chars, chunks) ->
      chars[current] == '/' || chars[current] == ' ';

  public byte[] render(SlipData slip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    write(slip, out);
    return out.toByteArray();
  }

  /** Writes the PDF to {@code out}, which is left open. */
  public void write(SlipData slip, OutputStream out) {
    Document doc = new Document(PageSize.A5, MARGIN, MARGIN, 18, 18);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      writer.setCloseStream(false);
      writer.setPageEvent(
          new PageFooter(slip.s10Number() + " · " + slip.dossierCode() + " · ", 5.5f));
      doc.addTitle("Phiếu gửi hồ sơ " + slip.s10Number());
      doc.addSubject("Phiếu gửi hồ sơ thủ tục hành chính " + slip.dossierCode());
      doc.addCreator("dossierpost");
      doc.open();
      doc.add(header(slip, writer.getDirectContent()));
      doc.add(parties(slip));
      doc.add(acceptance(slip));
      doc.add(documents(slip));
      doc.add(chargesAndQuality(slip));
      doc.add(terms());
      doc.add(signatures(slip));
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot lay out the consignment slip", e);
    }
  }

  // --- sections, top to bottom ---------------------------------------------------------------

  private static PdfPTable header(SlipData slip, PdfContentByte canvas) {
    PdfPTable table = table(HEADER_WIDTHS);

    PdfPCell title = cell();
    title.setBorder(Rectangle.NO_BORDER);
    title.addElement(para(TITLE, new Chunk(nfc("PHIẾU GỬI HỒ SƠ\nTHỦ TỤC HÀNH CHÍNH"), TITLE)));
    title.addElement(para(ENGLISH, new Chunk("ADMINISTRATIVE DOSSIER CONSIGNMENT SLIP", ENGLISH)));
    Paragraph code = para(TEXT, new Chunk(nfc("Mã hồ sơ "), TEXT), new Chunk("/ Dossier code:", ENGLISH));
    code.setSpacingBefore(3);
    title.addElement(code);
    title.addElement(para(STRONG, identifier(slip.dossierCode(), STRONG)));
    table.addCell(title);

    float inner = CONTENT_WIDTH * HEADER_WIDTHS[1] / 100 - 6;
    Image barcode = Barcodes.code128(canvas, slip.s10Number(), 0.75f, 34f);
    if (barcode.getScaledWidth() > inner) {
      barcode.scaleAbsoluteWidth(inner);
    }
    barcode.setAlignment(Image.MIDDLE);
    PdfPCell bars = cell();
    bars.setBorder(Rectangle.NO_BORDER);
    bars.addElement(barcode);
    Paragraph number = para(ITEM_NUMBER, new Chunk(slip.s10Number(), ITEM_NUMBER));
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

  private static PdfPTable parties(SlipData slip) {
    PdfPTable table = table(50, 50);
    table.addCell(party("NGƯỜI GỬI", "Sender", slip.sender()));
    table.addCell(party("NGƯỜI NHẬN (CƠ QUAN)", "Recipient (agency)", slip.recipient()));
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

  private static PdfPTable acceptance(SlipData slip) {
    PdfPTable table = table(50, 50);
    SlipData.PostOffice office = slip.acceptedBy();
    PdfPCell where = cell();
    where.addElement(heading("NHẬN GỬI", "Acceptance"));
    where.addElement(labelled("Thời gian", "Time", SlipText.dateTime(slip.acceptedAt()), STRONG));
    where.addElement(labelled("Nơi nhận", "Place", office.name(), TEXT));
    where.addElement(para(TEXT, new Chunk(nfc(join(office.address(), office.phone())), TEXT)));
    table.addCell(where);

    PdfPCell how = cell();
    how.addElement(heading("PHƯƠNG THỨC", "Method"));
    String[] form = SlipText.serviceForm(slip.serviceForm());
    how.addElement(labelled("Dịch vụ", "Service", form[0], STRONG, form[1]));
    String[] delivery = SlipText.deliveryMethod(slip.deliveryMethod());
    how.addElement(labelled("Trả kết quả", "Result", delivery[0], TEXT, delivery[1]));
    Paragraph tracking = para(TEXT, new Chunk(nfc("Tra cứu miễn phí"), TEXT),
        new Chunk(" / Free tracking", ENGLISH), new Chunk(": ", TEXT));
    tracking.add(identifier(slip.trackingUrl(), TEXT));
    how.addElement(tracking);
    table.addCell(how);
    return table;
  }

  private static PdfPTable documents(SlipData slip) {
    PdfPTable table = table(6, 70, 14, 10);
    PdfPCell procedure = cell();
    procedure.setColspan(4);
    procedure.addElement(labelled("Thủ tục hành chính", "Procedure", slip.procedureName(), STRONG));
    table.addCell(procedure);
    boolean result = "RETURN_ONLY".equals(slip.serviceForm());
    table.addCell(columnHeader("STT", "No."));
    table.addCell(columnHeader(result ? "Kết quả, giấy tờ trả lại" : "Thành phần hồ sơ",
        result ? "Result and returned documents" : "Documents"));
    table.addCell(columnHeader("Chính/sao", "Original/copy"));
    table.addCell(columnHeader("Số trang", "Pages"));
    table.setHeaderRows(2);
    int no = 1;
    for (SlipData.Document d : slip.documents()) {
      table.addCell(value(String.valueOf(no++), Element.ALIGN_CENTER));
      table.addCell(value(d.name(), Element.ALIGN_LEFT));
      table.addCell(value(d.form(), Element.ALIGN_CENTER));
      table.addCell(value(String.valueOf(d.pages()), Element.ALIGN_CENTER));
    }
    return table;
  }

  private static PdfPTable chargesAndQuality(SlipData slip) {
    PdfPTable table = table(50, 50);
    table.setKeepTogether(true);

    PdfPTable prices = new PdfPTable(new float[] {70, 30});
    prices.setWidthPercentage(100);
    addPrice(prices, "Phí, lệ phí (thu hộ)", "Government fee", slip.governmentFee(), TEXT);
    for (SlipData.Charge charge : slip.postage()) {
      addPrice(prices, charge.label(), null, charge.amount(), TEXT);
    }
    addPrice(prices, "Tổng cộng", "Total", slip.total(), STRONG);
    PdfPCell money = cell();
    money.addElement(heading("GIÁ CƯỚC", "Charges"));
    money.addElement(prices);
    money.addElement(labelled("Thanh toán", "Payment", slip.paymentMethod(), TEXT));
    table.addCell(money);

    PdfPCell quality = cell();
    quality.addElement(heading("CHẤT LƯỢNG DỊCH VỤ", "Service quality"));
    quality.addElement(para(TEXT, new Chunk(nfc(nonNull(slip.serviceQuality())), TEXT)));
    SlipData.DueDates due = slip.dueDates();
    if (due.handoverBy() != null) {
      quality.addElement(labelled("Giao cơ quan trước", "Handover by",
          SlipText.date(due.handoverBy()), STRONG));
    }
    if (due.resultAppointment() != null) {
      quality.addElement(labelled("Hẹn trả kết quả", "Appointment",
          SlipText.date(due.resultAppointment()), STRONG));
    }
    if (due.returnBy() != null) {
      quality.addElement(labelled("Phát kết quả trước", "Return by",
          SlipText.date(due.returnBy()), STRONG));
    }
    table.addCell(quality);
    return table;
  }

  /** A label and an amount, unruled; the total gets a rule above it. */
  private static void addPrice(PdfPTable prices, String vi, String en, long amount, Font font) {
    Phrase label = new Phrase(nfc(vi), font);
    if (en != null) {
      label.add(new Chunk(" / " + en, ENGLISH));
    }
    PdfPCell name = new PdfPCell(label);
    PdfPCell sum = new PdfPCell(new Phrase(SlipText.vnd(amount), font));
    styleTableCell(name, Element.ALIGN_LEFT);
    styleTableCell(sum, Element.ALIGN_RIGHT);
    for (PdfPCell cell : List.of(name, sum)) {
      cell.setBorder(font == STRONG ? Rectangle.TOP : Rectangle.NO_BORDER);
      cell.setPaddingLeft(0);
      prices.addCell(cell);
    }
  }

  private static Paragraph terms() {
    Paragraph p = para(FINE,
        new Chunk(nfc("Quyền, nghĩa vụ và bồi thường "), FINE_BOLD),
        new Chunk("/ Rights, duties and compensation. ", FINE_ENGLISH),
        new Chunk(nfc(TERMS[0]), FINE),
        new Chunk(" " + TERMS[1], FINE_ENGLISH));
    p.setSpacingBefore(3);
    p.setSpacingAfter(4);
    p.setAlignment(Element.ALIGN_JUSTIFIED);
    return p;
  }

  private static PdfPTable signatures(SlipData slip) {
    PdfPTable table = table(50, 50);
    table.setKeepTogether(true);
    table.addCell(signature("NGƯỜI GỬI", "Sender", slip.sender().name()));
    table.addCell(signature("NHÂN VIÊN BƯU ĐIỆN", "Post office clerk", slip.clerkName()));
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

  /** "Label / English: value", the English omitted when null. */
  private static Paragraph labelled(String vi, String en, String value, Font valueFont) {
    return labelled(vi, en, value, valueFont, "");
  }

  /** As above, with an English gloss of the value after it. */
  private static Paragraph labelled(String vi, String en, String value, Font valueFont, String valueEn) {
    Paragraph p = para(TEXT, new Chunk(nfc(vi), TEXT));
    if (en != null) {
      p.add(new Chunk(" / " + en, ENGLISH));
    }
    p.add(new Chunk(": ", TEXT));
    p.add(new Chunk(nfc(nonNull(value)), valueFont));
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

  private static String[] loadTerms() {
    try (InputStream in = ConsignmentSlipPdf.class.getResourceAsStream("consignment-slip-terms.txt")) {
      if (in == null) {
        throw new IllegalStateException("consignment-slip-terms.txt missing from the classpath");
      }
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(l -> !l.isEmpty()).toList();
      return new String[] {lines.get(0), lines.size() > 1 ? lines.get(1) : ""};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
