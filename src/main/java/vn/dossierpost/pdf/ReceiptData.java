package vn.dossierpost.pdf;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a receipt (biên lai thu tiền) or a refund shows: its number in the office's series of the
 * year, who paid (or is paid back), each line and the total in VND, and how the money moved.
 */
public record ReceiptData(
        boolean refund,
        String number,
        String officeName,
        String dossierCode,
        String procedureName,
        String payerName,
        List<Line> lines,
        long total,
        String methodLabel,
        String methodReference,
        LocalDateTime issuedAt,
        String issuedBy,
        String reason) {
    public record Line(String label, long amount) {}

    public ReceiptData {
        lines = List.copyOf(lines);
    }
}
