package vn.dossierpost.domain;

/**
 * Where the money of a dossier stands. HELD is a bank transfer that did not match what was due: a
 * supervisor looks at it; it never counts as paid on its own.
 */
public enum PaymentState {
    PENDING,
    PAID,
    HELD,
    REFUNDED;

    /**
     * At intake: cash is counted at the counter before the clerk records the dossier, so a cash
     * dossier is paid when it is stored; a transfer or a card payment is paid when the bank or the
     * terminal says so.
     */
    public static PaymentState atIntake(PaymentMethod method) {
        return method == PaymentMethod.CASH ? PAID : PENDING;
    }
}
