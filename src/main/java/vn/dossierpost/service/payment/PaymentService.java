package vn.dossierpost.service.payment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.FeesView;
import vn.dossierpost.api.PaymentRequest;
import vn.dossierpost.api.PaymentView;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.EventDAO;
import vn.dossierpost.db.PaymentDAO;
import vn.dossierpost.db.PaymentDAO.PaymentRow;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.PaymentState;
import vn.dossierpost.domain.RefundDue;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.domain.VietQr;
import vn.dossierpost.pdf.QrImage;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;

/**
 * The money of a dossier at the counter: what is due (the fees stored at intake, less what the
 * courier collects on delivery), the VietQR code to pay it by transfer, the clerk's confirmation
 * and the refund ({@link RefundDue}: a dossier withdrawn before its handover, or refused by the agency).
 */
public final class PaymentService {
    /** The methods a clerk confirms; TRANSFER is only the label of dossiers taken before VietQR. */
    private static final PaymentMethod[] CONFIRMABLE = {PaymentMethod.CASH, PaymentMethod.VIETQR, PaymentMethod.CARD};

    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final Receipts receipts;
    private final PaymentSettings settings;
    private final ReferenceDataCache referenceData;
    private final Clock clock;

    public PaymentService(
            Jdbi jdbi,
            DossierService dossiers,
            Receipts receipts,
            PaymentSettings settings,
            ReferenceDataCache referenceData,
            Clock clock) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.receipts = receipts;
        this.settings = settings;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    public PaymentView view(User user, String code) {
        return jdbi.withHandle(h -> {
            DossierRow row = readable(h, user, code, false);
            return toView(h, row, h.attach(PaymentDAO.class).find(row.id()).orElseGet(() -> pending(row)));
        });
    }

    /** The VietQR code of a pending payment, as a PNG the applicant scans from the clerk's screen. */
    public byte[] qrPng(User user, String code) {
        PaymentView view = view(user, code);
        if (view.vietQr() == null) {
            throw Problem.conflict(
                    "no VietQR code for dossier " + code + ": "
                            + (settings.vietQrOffered() ? "its payment is " + view.state() : "VietQR is not offered"),
                    Map.of("state", view.state().name()));
        }
        return QrImage.png(view.vietQr().payload(), 6);
    }

    /**
     * The clerk took the money: cash, a card on the terminal (its reference), or a VietQR transfer the
     * applicant showed on their phone before the bank's callback came. A transfer held for a wrong
     * amount is a supervisor's to confirm, once they have settled the difference with the applicant.
     */
    public PaymentView confirm(User user, String code, PaymentRequest request) {
        PaymentMethod method = method(request == null ? null : request.method());
        String terminal = request == null ? null : Text.blankToNull(request.terminalReference());
        if (method == PaymentMethod.CARD && terminal == null) {
            throw Problem.invalid("terminalReference", "is required for CARD: the reference the card terminal printed");
        }
        if (terminal != null && terminal.length() > 64) {
            throw Problem.invalid("terminalReference", "must be at most 64 characters");
        }
        if (method == PaymentMethod.VIETQR && !settings.vietQrOffered()) {
            throw Problem.invalid("method", "VIETQR is not offered: no receiving account is configured");
        }
        jdbi.useTransaction(h -> {
            DossierRow row = readable(h, user, code, true);
            if (row.status() == DossierStatus.WITHDRAWN) {
                throw Problem.conflict("dossier " + code + " is withdrawn: nothing to take", Map.of());
            }
            PaymentRow payment = locked(h, row);
            switch (payment.state()) {
                case PAID, REFUNDED ->
                    throw Problem.conflict(
                            "dossier " + code + " is already " + payment.state() + " (" + payment.method()
                                    + ", taken by " + payment.takenBy() + ")",
                            Map.of("state", payment.state().name()));
                case HELD -> {
                    if (user.role() != Role.SUPERVISOR) {
                        throw Problem.conflict(
                                "the transfer for dossier " + code + " is held for a supervisor: "
                                        + payment.heldReason(),
                                Map.of("state", payment.state().name()));
                    }
                }
                case PENDING -> {}
            }
            h.attach(PaymentDAO.class)
                    .paid(row.id(), method, terminal, null, user.username(), OffsetDateTime.now(clock));
        });
        return view(user, code);
    }

    /**
     * Pays back what {@link RefundDue} says is due (all of it for a withdrawn dossier, the government
     * fee for a refused one where the procedure gives it back), once, on its own numbered refund
     * document. A fee already remitted to the agency is deducted on the agency's next statement.
     */
    public PaymentView refund(User user, String code, String reason) {
        String why = Text.blankToNull(reason);
        if (why == null) {
            throw Problem.invalid("reason", "is required: why the money is paid back");
        }
        jdbi.useTransaction(h -> {
            DossierRow row = readable(h, user, code, true);
            RefundDue due = refundDue(h, row, dossiers.fees(row));
            if (!due.allowed()) {
                throw Problem.conflict(
                        "dossier " + code + " (" + row.status() + ") is not refunded: " + due.refusedBecause(),
                        Map.of("status", row.status().name()));
            }
            PaymentRow payment = locked(h, row);
            if (payment.state() != PaymentState.PAID) {
                throw Problem.conflict(
                        "the payment of dossier " + code + " is " + payment.state() + ": only a paid one is refunded",
                        Map.of("state", payment.state().name()));
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            h.attach(PaymentDAO.class).refunded(row.id(), due.amount(), user.username(), why.trim(), now);
            receipts.issue(h, row, Receipts.REFUND, due.amount(), payment.method(), user.username(), now);
        });
        return view(user, code);
    }

    /** The dossier, checked readable by the user; locked for the transaction when {@code lock}. */
    static DossierRow readable(Handle h, User user, String code, boolean lock) {
        DossierDAO dao = h.attach(DossierDAO.class);
        DossierRow row = (lock ? dao.lockByCode(code) : dao.findByCode(code))
                .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
        DossierService.checkCanRead(user, row);
        return row;
    }

    /** The payment row locked for the transaction (made PENDING first for a dossier stored without one). */
    static PaymentRow locked(Handle h, DossierRow row) {
        PaymentDAO dao = h.attach(PaymentDAO.class);
        dao.ensure(row.id(), row.paymentMethod(), row.receivedAt());
        return dao.lock(row.id()).orElseThrow();
    }

    private RefundDue refundDue(Handle h, DossierRow row, FeesView fees) {
        return RefundDue.of(
                row.status() == DossierStatus.WITHDRAWN,
                !h.attach(EventDAO.class)
                        .having(List.of(row.id()), DossierStatus.REFUSED.name())
                        .isEmpty(),
                referenceData
                        .get()
                        .procedure(row.procedureCode())
                        .map(p -> p.feeRefundableOnRefusal())
                        .orElse(false),
                fees.paidAtCounter(),
                fees.governmentFee());
    }

    long amountDue(DossierRow row) {
        return dossiers.fees(row).paidAtCounter();
    }

    private static PaymentRow pending(DossierRow row) {
        return new PaymentRow(
                row.id(),
                PaymentState.PENDING,
                row.paymentMethod(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private PaymentView toView(Handle h, DossierRow row, PaymentRow p) {
        FeesView fees = dossiers.fees(row);
        RefundDue due = p.state() == PaymentState.PAID ? refundDue(h, row, fees) : null;
        String base = "/api/dossiers/" + row.code() + "/payment";
        PaymentView.VietQrView qr =
                p.state() == PaymentState.PENDING && settings.vietQrOffered() && fees.paidAtCounter() > 0
                        ? new PaymentView.VietQrView(
                                VietQr.payload(
                                        settings.acquirerBin(), settings.account(), fees.paidAtCounter(), row.code()),
                                base + "/qr.png")
                        : null;
        boolean paid = p.state() == PaymentState.PAID || p.state() == PaymentState.REFUNDED;
        return new PaymentView(
                row.code(),
                p.state(),
                p.method(),
                fees.items(),
                fees.dueOnDelivery(),
                fees.paidAtCounter(),
                p.takenBy(),
                p.paidAt(),
                p.terminalReference(),
                p.bankTransactionId(),
                p.heldReason(),
                qr,
                paid ? base + "/receipt.pdf" : null,
                p.state() == PaymentState.REFUNDED ? base + "/refund.pdf" : null,
                p.refundedAmount(),
                due != null && due.allowed() ? due.amount() : null);
    }

    private static PaymentMethod method(String given) {
        return Arrays.stream(CONFIRMABLE)
                .filter(m -> given != null && m.name().equals(given.trim()))
                .findFirst()
                .orElseThrow(() -> Problem.invalid("method", "must be one of CASH, VIETQR, CARD"));
    }
}
