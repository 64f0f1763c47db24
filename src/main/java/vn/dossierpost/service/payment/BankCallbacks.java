package vn.dossierpost.service.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.BankCallback;
import vn.dossierpost.api.BankCallbackAnswer;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.PaymentDAO;
import vn.dossierpost.db.PaymentDAO.PaymentRow;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.PaymentState;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;

/**
 * The bank's word that a VietQR transfer arrived. Signed with the shared secret (a forged callback
 * would hand over a dossier whose fee was never paid); idempotent on the bank's transaction id (the
 * bank repeats a callback until it gets an answer, and the repeat gets the first answer); a transfer
 * whose amount is not the amount due is HELD for a supervisor and never counts as paid.
 */
public final class BankCallbacks {
    /** Who took the money, on the payment and its receipt, when the bank confirmed it. */
    static final String BANK = "ngân hàng (VietQR)";

    private final Jdbi jdbi;
    private final PaymentService payments;
    private final PaymentSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    public BankCallbacks(Jdbi jdbi, PaymentService payments, PaymentSettings settings, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.payments = payments;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public BankCallbackAnswer receive(byte[] body, String signature) {
        if (!settings.callbacksAccepted()) {
            throw Problem.notFound("bank callbacks are not configured (payment.callbackSecret)");
        }
        if (!BankSignature.matches(body, settings.callbackSecret(), signature)) {
            throw Problem.unauthenticated("X-Bank-Signature: missing or not the HMAC-SHA256 of the body");
        }
        BankCallback callback = parse(body);
        String tx = callback.transactionId().trim();
        String purpose = callback.purpose().trim();
        return jdbi.inTransaction(h -> {
            PaymentDAO dao = h.attach(PaymentDAO.class);
            Optional<PaymentDAO.CallbackRow> seen = dao.callback(tx);
            if (seen.isPresent()) {
                return new BankCallbackAnswer(tx, seen.get().outcome());
            }
            String outcome = settle(h, tx, purpose, callback.amount());
            if (dao.recordCallback(tx, purpose, callback.amount(), outcome, OffsetDateTime.now(clock)) == 0) {
                // the same callback, at the same moment, on another connection: its answer stands
                return new BankCallbackAnswer(tx, dao.callback(tx).orElseThrow().outcome());
            }
            return new BankCallbackAnswer(tx, outcome);
        });
    }

    private String settle(Handle h, String tx, String purpose, long amount) {
        Optional<DossierRow> found = h.attach(DossierDAO.class).lockByCode(purpose);
        if (found.isEmpty()) {
            return "UNKNOWN_DOSSIER";
        }
        DossierRow row = found.get();
        PaymentRow payment = PaymentService.locked(h, row);
        if (payment.state() == PaymentState.PAID || payment.state() == PaymentState.REFUNDED) {
            return "ALREADY_PAID";
        }
        long due = payments.amountDue(row);
        OffsetDateTime now = OffsetDateTime.now(clock);
        PaymentDAO dao = h.attach(PaymentDAO.class);
        if (amount != due) {
            dao.held(row.id(), tx, "transfer of " + amount + " VND, " + due + " VND due", now);
            return "HELD";
        }
        dao.paid(row.id(), PaymentMethod.VIETQR, null, tx, BANK, now);
        return "PAID";
    }

    private BankCallback parse(byte[] body) {
        BankCallback c;
        try {
            c = json.readValue(body, BankCallback.class);
        } catch (IOException e) {
            throw Problem.malformed("body", "is not a JSON object {transactionId, purpose, amount}");
        }
        if (c == null
                || Text.blankToNull(c.transactionId()) == null
                || c.transactionId().length() > 64) {
            throw Problem.invalid("transactionId", "is required, at most 64 characters");
        }
        if (Text.blankToNull(c.purpose()) == null || c.purpose().length() > 64) {
            throw Problem.invalid("purpose", "is required: the dossier code the VietQR code carried");
        }
        if (c.amount() == null || c.amount() <= 0) {
            throw Problem.invalid("amount", "is required: the VND transferred, more than 0");
        }
        return c;
    }
}
