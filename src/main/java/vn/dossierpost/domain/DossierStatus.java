package vn.dossierpost.domain;

import java.util.Set;

/**
 * Where a dossier stands. The allowed moves are not here but in {@link DossierTransitions}, the one
 * transition table; these methods only read it.
 *
 * <p>{@link #portalStatus()} maps to the one-stop portals' numbers (1 new, 2 accepted, 3 not
 * accepted, 4 in progress, 5 supplement requested, 6 payment requested, 7 withdrawal requested,
 * 8 stopped, 9 processed, 10 result returned). While the post still carries the dossier the agency
 * has not accepted it, so it is "new"; once the result exists and the post carries it back it stays
 * "processed" until it is in the applicant's hands ("result returned"). A result that goes back to
 * the agency undelivered is still only "processed". A withdrawal here is final, so it is "stopped"
 * rather than "withdrawal requested".
 *
 * <p>{@link #upuEventCode()} is the UPU EMSEVT event for the S10 item of {@link #postalLeg()}:
 * EMA acceptance (the dossier at the counter, or the result taken over at the agency for the
 * return leg), EMI final delivery (to the agency on the outbound leg, to the applicant on the
 * return leg), EDG out for delivery, EMH unsuccessful attempt (also used for an item held at the
 * office for collection, as EMH's action codes foresee). Null where no postal event fits.
 */
public enum DossierStatus {
    RECEIVED("Đã tiếp nhận tại bưu cục", "Accepted at the post office", 1, "EMA", Leg.OUTBOUND),
    DIGITISED("Đã số hóa hồ sơ", "Dossier digitised", 1, null, Leg.OUTBOUND),
    IN_TRANSIT_TO_AGENCY("Đang chuyển đến cơ quan giải quyết", "In transit to the agency", 1, null, Leg.OUTBOUND),
    DELIVERED_TO_AGENCY("Đã bàn giao cho cơ quan giải quyết", "Handed over to the agency", 2, "EMI", Leg.OUTBOUND),
    IN_PROCESSING("Cơ quan đang giải quyết", "Being processed by the agency", 4, null, null),
    SUPPLEMENT_REQUESTED("Cơ quan yêu cầu bổ sung hồ sơ", "Agency requests a supplement", 5, null, null),
    REFUSED("Cơ quan từ chối giải quyết", "Refused by the agency", 3, null, null),
    RESULT_READY("Đã có kết quả giải quyết", "Result ready at the agency", 9, null, null),
    AWAITING_RESULT("Chờ kết quả từ cơ quan", "Awaiting the result from the agency", 4, null, null),
    RESULT_COLLECTED("Bưu điện đã nhận kết quả", "Result taken over by the post", 9, "EMA", Leg.RETURN),
    OUT_FOR_DELIVERY("Đang phát kết quả", "Out for delivery", 9, "EDG", Leg.RETURN),
    DELIVERY_FAILED("Phát không thành công", "Delivery attempt failed", 9, "EMH", Leg.RETURN),
    HELD_AT_OFFICE(
            "Lưu tại bưu cục chờ người nhận đến nhận", "Held at the post office for collection", 9, "EMH", Leg.RETURN),
    DELIVERED("Đã phát kết quả cho người nhận", "Result delivered", 10, "EMI", Leg.RETURN),
    RETURNED_TO_AGENCY("Đã chuyển hoàn kết quả về cơ quan", "Result returned to the agency", 9, null, Leg.RETURN),
    WITHDRAWN("Đã rút hồ sơ", "Dossier withdrawn", 8, null, null);

    private final String labelVi;
    private final String labelEn;
    private final int portalStatus;
    private final String upuEventCode;
    private final Leg postalLeg;

    DossierStatus(String labelVi, String labelEn, int portalStatus, String upuEventCode, Leg postalLeg) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.portalStatus = portalStatus;
        this.upuEventCode = upuEventCode;
        this.postalLeg = postalLeg;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The one-stop portal status number (see the class comment). */
    public int portalStatus() {
        return portalStatus;
    }

    /** The UPU EMSEVT event code for this status, or null when none fits. */
    public String upuEventCode() {
        return upuEventCode;
    }

    /** The leg whose S10 item is with the post in this status, or null while the agency has the dossier. */
    public Leg postalLeg() {
        return postalLeg;
    }

    public Set<DossierStatus> allowedNext() {
        return DossierTransitions.allowedFrom(this);
    }

    public boolean canMoveTo(DossierStatus next) {
        return allowedNext().contains(next);
    }

    public boolean terminal() {
        return allowedNext().isEmpty();
    }
}
