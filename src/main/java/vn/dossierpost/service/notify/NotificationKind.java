package vn.dossierpost.service.notify;

/**
 * What the applicant is told about (TT 17/2017 Art. 12; Decree 61/2018 Arts. 17–19): the dossier
 * was received (its code and the tracking link), it reached the agency (with the appointment date), a supplement is requested (form 02), it was refused
 * (form 03), it is late with a new date (form 04), the result is ready; then on the way back: the
 * courier is out with it today, an attempt failed (and from when the next one is made), it is held
 * at the office, it was delivered (with the link to rate the service); a complaint received, then
 * answered (TT 17/2017 Art. 8). Before any dossier, a home pickup: booked, moved to a new window after
 * nobody was home, cancelled after the second time. Each has its templates in
 * {@code notifications/templates.yml}.
 */
public enum NotificationKind {
    RECEIVED,
    DELIVERED_TO_AGENCY,
    SUPPLEMENT_REQUESTED,
    REFUSED,
    DELAYED,
    RESULT_READY,
    OUT_FOR_DELIVERY,
    DELIVERY_FAILED,
    HELD_AT_OFFICE,
    DELIVERED,
    COMPLAINT_RECEIVED,
    COMPLAINT_ANSWERED,
    HOME_PICKUP_BOOKED,
    HOME_PICKUP_RESCHEDULED,
    HOME_PICKUP_CANCELLED;

    /** Whether the message is about a dossier; a home pickup's are sent before there is one. */
    public boolean aboutADossier() {
        return !name().startsWith("HOME_PICKUP_");
    }
}
