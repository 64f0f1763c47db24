package vn.dossierpost.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The government fees the post collected for an agency in a period (days, both included), by
 * dossier, with the total; {@code remittedBy}/{@code remittedAt} once this statement was remitted.
 * A line's {@code remittedIn} names the statement that already carried its fee, if any.
 */
public record RemittanceView(
        String number,
        String agencyCode,
        String agencyName,
        LocalDate from,
        LocalDate to,
        List<Line> lines,
        int dossiers,
        long total,
        String remittedBy,
        OffsetDateTime remittedAt) {
    public record Line(
            String dossierCode,
            String procedureCode,
            String officeCode,
            OffsetDateTime paidAt,
            long governmentFee,
            String remittedIn) {}
}
