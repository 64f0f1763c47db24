package vn.dossierpost.domain;

/**
 * What goes back to an applicant who paid at the counter. A dossier withdrawn before its handover
 * cost the post nothing yet: everything taken goes back. A dossier the agency refused was carried
 * (the postage was spent), so only the government fee goes back, and only where the fee's circular
 * says so (the catalogue's {@code feeRefundableOnRefusal}). Anything else is not refunded; {@code
 * refusedBecause} says why.
 */
public record RefundDue(long amount, String refusedBecause) {

    public static RefundDue of(
            boolean withdrawn,
            boolean refusedByAgency,
            boolean feeRefundableOnRefusal,
            long paidAtCounter,
            long governmentFee) {
        if (withdrawn) {
            return paidAtCounter > 0 ? new RefundDue(paidAtCounter, null) : none("nothing was taken at the counter");
        }
        if (!refusedByAgency) {
            return none("only a dossier withdrawn before its handover, or refused by the agency, is refunded");
        }
        if (!feeRefundableOnRefusal) {
            return none("the government fee of this procedure is not refunded when the agency refuses");
        }
        return governmentFee > 0 ? new RefundDue(governmentFee, null) : none("the procedure has no government fee");
    }

    private static RefundDue none(String why) {
        return new RefundDue(0, why);
    }

    public boolean allowed() {
        return refusedBecause == null;
    }
}
