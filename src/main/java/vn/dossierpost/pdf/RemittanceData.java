package vn.dossierpost.pdf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What a remittance statement prints: the agency, the period and the fee of each dossier. */
public record RemittanceData(
        String number,
        String agencyName,
        String agencyCode,
        LocalDate from,
        LocalDate to,
        List<Line> lines,
        long total,
        String remittedBy,
        LocalDateTime remittedAt) {
    public record Line(String dossierCode, String procedureCode, LocalDate paidOn, long governmentFee) {}
}
