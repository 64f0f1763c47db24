package vn.dossierpost.api;

import java.time.OffsetDateTime;
import java.util.List;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.PaymentState;

/**
 * The money of a dossier: the lines stored at intake, what is due at the counter (the total less
 * what is collected on delivery), whether and how it was paid. {@code vietQr} is present while the
 * payment is pending and the office offers VietQR; {@code receiptUrl} once paid, {@code refundUrl}
 * and {@code refundedAmount} once refunded (all of it, or the government fee of a refused dossier);
 * {@code refundable}: what a refund would pay back now, null when none is due.
 */
public record PaymentView(
        String dossierCode,
        PaymentState state,
        PaymentMethod method,
        List<FeesView.Item> lines,
        long dueOnDelivery,
        long amountDue,
        String takenBy,
        OffsetDateTime paidAt,
        String terminalReference,
        String bankTransactionId,
        String heldReason,
        VietQrView vietQr,
        String receiptUrl,
        String refundUrl,
        Long refundedAmount,
        Long refundable) {
    /** The EMVCo payload any banking app scans, and the same as a PNG image. */
    public record VietQrView(String payload, String imageUrl) {}
}
