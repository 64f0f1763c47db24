package vn.dossierpost.service.handover;

import vn.dossierpost.api.agency.AgencyReceipt;

/** What one attempt to send one dossier came to, as {@link HandoverService#settle} records it. */
public record SendOutcome(HandoverItem item, Result result, AgencyReceipt receipt, String error) {

    public enum Result {
        DELIVERED,
        PERMANENT_FAILURE,
        TRY_AGAIN
    }

    public static SendOutcome delivered(HandoverItem item, AgencyReceipt receipt) {
        return new SendOutcome(item, Result.DELIVERED, receipt, null);
    }

    public static SendOutcome permanent(HandoverItem item, String error) {
        return new SendOutcome(item, Result.PERMANENT_FAILURE, null, error);
    }

    public static SendOutcome tryAgain(HandoverItem item, String error) {
        return new SendOutcome(item, Result.TRY_AGAIN, null, error);
    }
}
