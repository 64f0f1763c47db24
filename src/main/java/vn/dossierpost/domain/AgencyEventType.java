package vn.dossierpost.domain;

/**
 * What an agency reports about a dossier it holds (Decree 61/2018 Arts. 17–19; forms 02, 03, 04 of
 * Circular 01/2018/TT-VPCP), and the status each one moves the dossier to. DELAYED moves nothing:
 * it changes the appointment date.
 */
public enum AgencyEventType {
    RECEIVED(DossierStatus.DELIVERED_TO_AGENCY),
    IN_PROCESSING(DossierStatus.IN_PROCESSING),
    SUPPLEMENT_REQUESTED(DossierStatus.SUPPLEMENT_REQUESTED),
    REFUSED(DossierStatus.REFUSED),
    DELAYED(null),
    RESULT_READY(DossierStatus.RESULT_READY);

    private final DossierStatus target;

    AgencyEventType(DossierStatus target) {
        this.target = target;
    }

    /** The status the event moves a dossier to; null for DELAYED. */
    public DossierStatus target() {
        return target;
    }
}
