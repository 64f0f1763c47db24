package vn.dossierpost.pdf;

import static vn.dossierpost.pdf.SlipLayout.*;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The consignment slip, "Phiếu gửi hồ sơ" (TT 17/2017/TT-BTTTT Art. 9): the contract between the
 * applicant and the post, printed on A5 at the counter with the item's barcode (layout shared with
 * the return slip in {@link SlipLayout}). About eight documents fit on one page; a
 * longer list flows on, repeating the table header. Stateless and safe to share.
 */
public final class ConsignmentSlipPdf {

    private static final String[] TERMS = loadTerms();

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
            writer.setPageEvent(new PageFooter(slip.s10Number() + " · " + slip.dossierCode() + " · ", 5.5f));
            doc.addTitle("Phiếu gửi hồ sơ " + slip.s10Number());
            doc.addSubject("Phiếu gửi hồ sơ thủ tục hành chính " + slip.dossierCode());
            doc.addCreator("dossierpost");
            doc.open();
            doc.add(header(slip, writer.getDirectContent()));
            doc.add(parties(slip));
            doc.add(acceptance(slip));
            doc.add(documents(slip));
            doc.add(chargesAndQuality(slip, writer.getDirectContent()));
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
        addDossierCode(title, slip.dossierCode());
        table.addCell(title);

        addBarcodeAndQr(table, canvas, slip.s10Number(), slip.trackingUrl());
        return table;
    }

    private static PdfPTable parties(SlipData slip) {
        PdfPTable table = table(50, 50);
        PdfPCell sender = party("NGƯỜI GỬI", "Sender", slip.sender());
        SlipData.Filer filer = slip.filer();
        if (filer != null) {
            sender.addElement(labelled(
                    "Người nộp thay",
                    "Filed by",
                    filer.name() + " (" + filer.relation() + "), " + filer.identity(),
                    STRONG));
            sender.addElement(labelled("Giấy ủy quyền", "Authorisation", filer.authorisation(), TEXT));
        }
        table.addCell(sender);
        table.addCell(party("NGƯỜI NHẬN (CƠ QUAN)", "Recipient (agency)", slip.recipient()));
        return table;
    }

    private static PdfPTable acceptance(SlipData slip) {
        PdfPTable table = table(50, 50);
        SlipData.PostOffice office = slip.acceptedBy();
        PdfPCell where = cell();
        where.addElement(heading("NHẬN GỬI", "Acceptance"));
        where.addElement(labelled("Thời gian", "Time", SlipText.dateTime(slip.acceptedAt()), STRONG));
        addOffice(where, "Nơi nhận", "Place", office);
        table.addCell(where);

        PdfPCell how = cell();
        how.addElement(heading("PHƯƠNG THỨC", "Method"));
        String[] form = SlipText.serviceForm(slip.serviceForm());
        how.addElement(labelled("Dịch vụ", "Service", form[0], STRONG, form[1]));
        String[] delivery = SlipText.deliveryMethod(slip.deliveryMethod());
        how.addElement(labelled("Trả kết quả", "Result", delivery[0], TEXT, delivery[1]));
        how.addElement(freeTracking(slip.trackingUrl()));
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
        table.addCell(columnHeader(
                result ? "Kết quả, giấy tờ trả lại" : "Thành phần hồ sơ",
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

    /**
     * The VietQR code of a pending payment, for the applicant to pay by transfer from the slip: the
     * amount and the dossier code (the transfer's purpose) are in the code, so nothing is typed.
     */
    private static void addVietQr(PdfPCell money, PdfContentByte canvas, String payload) {
        Image qr = Barcodes.qr(canvas, payload, 1.2f);
        qr.scaleToFit(72, 72);
        qr.setAlignment(Image.MIDDLE);
        money.addElement(qr);
        Paragraph caption = para(
                FINE,
                new Chunk("Quét mã VietQR để chuyển khoản (số tiền, nội dung có sẵn) ", FINE),
                new Chunk("/ Scan to pay by bank transfer", FINE_ENGLISH));
        caption.setAlignment(Element.ALIGN_CENTER);
        money.addElement(caption);
    }

    private static PdfPTable chargesAndQuality(SlipData slip, PdfContentByte canvas) {
        PdfPTable table = table(50, 50);
        table.setKeepTogether(true);

        PdfPTable prices = new PdfPTable(new float[] {70, 30});
        prices.setWidthPercentage(100);
        addPrice(prices, "Phí, lệ phí (thu hộ)", "Government fee", slip.governmentFee(), TEXT, false);
        for (SlipData.Charge charge : slip.postage()) {
            addPrice(prices, charge.label(), null, charge.amount(), TEXT, false);
        }
        addPrice(prices, "Tổng cộng", "Total", slip.total(), STRONG, true);
        PdfPCell money = cell();
        money.addElement(heading("GIÁ CƯỚC", "Charges"));
        money.addElement(prices);
        money.addElement(labelled("Thanh toán", "Payment", slip.paymentMethod(), TEXT));
        if (slip.vietQrPayload() != null) {
            addVietQr(money, canvas, slip.vietQrPayload());
        }
        table.addCell(money);

        PdfPCell quality = cell();
        quality.addElement(heading("CHẤT LƯỢNG DỊCH VỤ", "Service quality"));
        quality.addElement(para(TEXT, new Chunk(nfc(nonNull(slip.serviceQuality())), TEXT)));
        SlipData.DueDates due = slip.dueDates();
        if (due.handoverBy() != null) {
            quality.addElement(labelled("Giao cơ quan trước", "Handover by", SlipText.date(due.handoverBy()), STRONG));
        }
        if (due.resultAppointment() != null) {
            quality.addElement(
                    labelled("Hẹn trả kết quả", "Appointment", SlipText.date(due.resultAppointment()), STRONG));
        }
        if (due.returnBy() != null) {
            quality.addElement(labelled("Phát kết quả trước", "Return by", SlipText.date(due.returnBy()), STRONG));
        }
        table.addCell(quality);
        return table;
    }

    private static Paragraph terms() {
        return smallPrint(
                new Chunk(nfc("Quyền, nghĩa vụ và bồi thường "), FINE_BOLD),
                new Chunk("/ Rights, duties and compensation. ", FINE_ENGLISH),
                new Chunk(nfc(TERMS[0]), FINE),
                new Chunk(" " + TERMS[1], FINE_ENGLISH));
    }

    private static PdfPTable signatures(SlipData slip) {
        boolean filed = slip.filer() != null;
        return SlipLayout.signatures(
                filed ? "NGƯỜI NỘP THAY" : "NGƯỜI GỬI",
                filed ? "Filed on the sender's behalf by" : "Sender",
                filed ? slip.filer().name() : slip.sender().name(),
                "NHÂN VIÊN BƯU ĐIỆN",
                "Post office clerk",
                slip.clerkName());
    }

    private static String[] loadTerms() {
        try (InputStream in = ConsignmentSlipPdf.class.getResourceAsStream("consignment-slip-terms.txt")) {
            if (in == null) {
                throw new IllegalStateException("consignment-slip-terms.txt missing from the classpath");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
            return new String[] {lines.get(0), lines.size() > 1 ? lines.get(1) : ""};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
