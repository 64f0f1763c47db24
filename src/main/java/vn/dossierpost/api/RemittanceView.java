package vn.dossierpost.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The government fees the post collected for an agency in a period (days, both included), by
 * dossier, with the total; {@code remittedBy}/{@code remittedAt} once this statement was remitted.
 * A line is a dossier's fee ({@code kind} FEE), or the deduction of a fee remitted before and since
 * paid back to the applicant (REFUND: {@code governmentFee} negative, {@code refundedAt} set);
 * {@code remittedIn} names the statement that carried it, if any.
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
            String kind,
            OffsetDateTime paidAt,
            OffsetDateTime refundedAt,
            long governmentFee,
            String remittedIn) {}
}
