package vn.dossierpost.service.payment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.FeesView;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.PaymentDAO;
import vn.dossierpost.db.PaymentDAO.PaymentRow;
import vn.dossierpost.db.PaymentDAO.ReceiptRow;
import vn.dossierpost.domain.FeeCalculator;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.PaymentState;
import vn.dossierpost.domain.User;
import vn.dossierpost.pdf.ReceiptData;
import vn.dossierpost.pdf.ReceiptPdf;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;

/**
 * Receipts (biên lai thu tiền) and refunds, each numbered in its office's series of the year without
 * gaps. A receipt gets its number the first time it is printed, in the transaction that stores it;
 * a refund when the money is paid back. Printing again shows the same number.
 */
public final class Receipts {
    static final String RECEIPT = "RECEIPT";
    static final String REFUND = "REFUND";

    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final ReferenceDataCache referenceData;
    private final ReceiptPdf pdf = new ReceiptPdf();
    private final Clock clock;
    private final ZoneId zone;

    public Receipts(Jdbi jdbi, DossierService dossiers, ReferenceDataCache referenceData, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.referenceData = referenceData;
        this.clock = clock;
        this.zone = zone;
    }

    /** The receipt of a paid (or since refunded) dossier, numbered on its first print. */
    public byte[] receiptPdf(User user, String code) {
        return jdbi.inTransaction(h -> {
            DossierRow row = PaymentService.readable(h, user, code, true);
            PaymentRow payment = PaymentService.locked(h, row);
            if (payment.state() != PaymentState.PAID && payment.state() != PaymentState.REFUNDED) {
                throw Problem.conflict(
                        "no receipt for dossier " + code + ": its payment is " + payment.state(),
                        Map.of("state", payment.state().name()));
            }
            ReceiptRow receipt = h.attach(PaymentDAO.class)
                    .receipt(row.id(), RECEIPT)
                    .orElseGet(() -> issue(
                            h,
                            row,
                            RECEIPT,
                            dossiers.fees(row).paidAtCounter(),
                            payment.method(),
                            payment.takenBy(),
                            OffsetDateTime.now(clock)));
            return pdf.render(data(row, payment, receipt));
        });
    }

    /** The refund document of a refunded dossier. */
    public byte[] refundPdf(User user, String code) {
        return jdbi.withHandle(h -> {
            DossierRow row = PaymentService.readable(h, user, code, false);
            PaymentDAO dao = h.attach(PaymentDAO.class);
            ReceiptRow refund = dao.receipt(row.id(), REFUND)
                    .orElseThrow(() -> Problem.conflict("dossier " + code + " was not refunded", Map.of()));
            return pdf.render(data(row, dao.find(row.id()).orElseThrow(), refund));
        });
    }

    /** Takes the office's next number of the kind for the year and stores the document, in the caller's transaction. */
    ReceiptRow issue(
            Handle h, DossierRow row, String kind, long amount, PaymentMethod method, String by, OffsetDateTime at) {
        PaymentDAO dao = h.attach(PaymentDAO.class);
        int year = at.atZoneSameInstant(zone).getYear();
        int number = dao.nextNumber(row.officeCode(), year, kind);
        ReceiptRow receipt = new ReceiptRow(kind, row.officeCode(), year, number, amount, method, at, by);
        dao.insertReceipt(row.id(), receipt);
        return receipt;
    }

    /** BL-100000-2026-000001 for a receipt, HT-… for a refund (hoàn tiền). */
    static String number(ReceiptRow r) {
        return String.format(
                "%s-%s-%d-%06d", r.kind().equals(REFUND) ? "HT" : "BL", r.officeCode(), r.year(), r.number());
    }

    private ReceiptData data(DossierRow row, PaymentRow payment, ReceiptRow receipt) {
        FeesView fees = dossiers.fees(row);
        boolean refund = receipt.kind().equals(REFUND);
        // a refused dossier's refund is its government fee alone: the postage was spent carrying it
        boolean feeOnly = refund && receipt.amount() != fees.paidAtCounter();
        List<ReceiptData.Line> lines = new ArrayList<>();
        fees.items().stream()
                .filter(i -> !feeOnly || i.code().equals(FeeCalculator.GOVERNMENT_FEE))
                .forEach(i -> lines.add(new ReceiptData.Line(i.labelVi(), i.amount())));
        if (fees.dueOnDelivery() > 0 && !feeOnly) {
            lines.add(new ReceiptData.Line("Trừ: thu khi phát kết quả (COD)", -fees.dueOnDelivery()));
        }
        return new ReceiptData(
                refund,
                number(receipt),
                referenceData.get().officeName(row.officeCode()),
                row.code(),
                referenceData
                        .get()
                        .procedure(row.procedureCode())
                        .map(p -> p.name())
                        .orElse(row.procedureCode()),
                row.applicantName(),
                lines,
                receipt.amount(),
                receipt.method().label(),
                payment.terminalReference() != null ? payment.terminalReference() : payment.bankTransactionId(),
                receipt.issuedAt().atZoneSameInstant(zone).toLocalDateTime(),
                receipt.issuedBy(),
                refund ? payment.refundReason() : null);
    }
}
