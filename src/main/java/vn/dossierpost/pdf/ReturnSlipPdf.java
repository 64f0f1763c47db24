package vn.dossierpost.pdf;

import static vn.dossierpost.pdf.SlipLayout.*;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * The return slip, "Phiếu gửi kết quả" (QĐ 45/2016/QĐ-TTg Art. 9): printed when the clerk collects
 * a procedure's result, or a refusal notice, at the agency; the clerk and the agency officer both
 * sign it and the envelope is sealed. A5 portrait with the return item's barcode, laid out like
 * the consignment slip ({@link SlipLayout}). Stateless and safe to share.
 */
public final class ReturnSlipPdf {

    private static final Font POST = new Font(PdfFonts.BOLD, 8.5f);

    private static final String RESULT_TITLE = "PHIẾU GỬI KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
    private static final String REFUSAL_TITLE = "PHIẾU GỬI THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ";

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
            writer.setPageEvent(new PageFooter(slip.returnS10Number() + " · " + slip.dossierCode() + " · ", 5.5f));
            doc.addTitle("Phiếu gửi kết quả " + slip.returnS10Number());
            doc.addSubject((slip.refusal()
                            ? "Phiếu gửi thông báo từ chối giải quyết hồ sơ "
                            : "Phiếu gửi kết quả giải quyết thủ tục hành chính ")
                    + slip.dossierCode());
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
        post.addElement(para(
                FINE,
                new Chunk(nfc("Dịch vụ bưu chính công ích "), FINE),
                new Chunk("/ Public postal service", FINE_ENGLISH)));
        addDossierCode(post, slip.dossierCode());
        table.addCell(post);

        addBarcodeAndQr(table, canvas, slip.returnS10Number(), slip.trackingUrl());
        return table;
    }

    private static Paragraph title(ReturnSlipData slip) {
        Paragraph title = para(
                TITLE,
                new Chunk(nfc(slip.refusal() ? REFUSAL_TITLE : RESULT_TITLE), TITLE),
                Chunk.NEWLINE,
                new Chunk(
                        slip.refusal()
                                ? "RETURN SLIP FOR A NOTICE OF REFUSAL"
                                : "RETURN SLIP FOR THE RESULT OF AN ADMINISTRATIVE PROCEDURE",
                        ENGLISH));
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

    /** Who collected, when and where; how and from which office it is delivered. */
    private static PdfPTable collectionAndDelivery(ReturnSlipData slip) {
        PdfPTable table = table(50, 50);
        SlipData.PostOffice collecting = slip.collectingOffice();
        PdfPCell collected = cell();
        collected.addElement(heading("NHẬN GỬI TẠI CƠ QUAN", "Collection"));
        collected.addElement(labelled("Thời gian", "Time", SlipText.dateTime(slip.collectedAt()), STRONG));
        addOffice(collected, "Bưu cục nhận", "Office", collecting);
        table.addCell(collected);

        SlipData.PostOffice delivering = slip.deliveringOffice();
        PdfPCell delivery = cell();
        delivery.addElement(heading("PHÁT", "Delivery"));
        String[] method = SlipText.deliveryMethod(slip.deliveryMethod());
        delivery.addElement(labelled("Phương thức", "Method", method[0], STRONG, method[1]));
        addOffice(delivery, "Bưu cục phát", "Office", delivering);
        delivery.addElement(freeTracking(slip.trackingUrl()));
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
            addPrice(prices, "Thu khi phát (COD)", "Cash on delivery", slip.amountDueOnDelivery(), STRONG, false);
        }
        if (slip.governmentFeeRemitted() > 0) {
            addPrice(
                    prices,
                    "Phí, lệ phí đã nộp cho cơ quan",
                    "Fee paid to the agency",
                    slip.governmentFeeRemitted(),
                    TEXT,
                    false);
        }
        PdfPTable table = table(100);
        table.setKeepTogether(true);
        PdfPCell cell = cell();
        cell.addElement(heading("TIỀN", "Amounts"));
        cell.addElement(prices);
        table.addCell(cell);
        return table;
    }

    /** What the two signatures attest (Art. 9): the contents above, sealed in their presence. */
    private static Paragraph sealing() {
        return smallPrint(
                new Chunk(nfc("Hai bên đã kiểm đếm đủ giấy tờ nêu trên và niêm phong phong bì trước khi ký. "), FINE),
                new Chunk(
                        "Both parties counted the contents listed above and sealed the envelope before" + " signing.",
                        FINE_ENGLISH));
    }

    private static PdfPTable signatures(ReturnSlipData slip) {
        return SlipLayout.signatures(
                "ĐẠI DIỆN CƠ QUAN GIẢI QUYẾT",
                "Agency officer",
                slip.agencyOfficer(),
                "NHÂN VIÊN BƯU ĐIỆN",
                "Post office clerk",
                slip.collectedBy());
    }

    /** Vietnamese name of an item's kind; unknown names as given. */
    private static String itemKind(String name) {
        return switch (name) {
            case "RESULT" -> "Kết quả";
            case "ORIGINAL_RETURNED" -> "Bản chính trả lại";
            default -> name;
        };
    }
}
