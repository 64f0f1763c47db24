package vn.dossierpost.domain;

/**
 * Timeline entries that are not a change of status (those carry the {@link DossierStatus} name).
 * The names are stored in {@code dossier_event.type} and shown to staff as they are. Only
 * {@link #ARRIVED_AT_DELIVERY_OFFICE} is shown to the public, as the UPU event EMG.
 */
public enum TimelineEvent {
    /** A scan added to one of the dossier's documents. */
    FILE_ADDED,
    /** A stored scan no longer matches its SHA-256 (the fixity check). */
    FIXITY_FAILED,
    /** Intact bytes of a damaged scan were uploaded again. */
    FIXITY_REPAIRED,
    /** The documents the agency asked for are scanned; the dossier goes back to it. */
    SUPPLEMENT_RECEIVED,
    /** The agency refused the dossier for good, or the handover was given up: a dead letter. */
    HANDOVER_FAILED,
    /** The agency gave one new appointment date (form 04). */
    DELAYED,
    ARRIVED_AT_DELIVERY_OFFICE("Đã đến bưu cục phát", "Arrived at the delivery office", "EMG"),
    ASSIGNED_TO_COURIER,
    /** An agency's event kept on the timeline without changing anything: stale, or refused with 409. */
    AGENCY_RECEIVED,
    AGENCY_IN_PROCESSING,
    AGENCY_SUPPLEMENT_REQUESTED,
    AGENCY_REFUSED,
    AGENCY_DELAYED,
    AGENCY_RESULT_READY;

    private final String labelVi;
    private final String labelEn;
    private final String upuEventCode;

    TimelineEvent() {
        this(null, null, null);
    }

    TimelineEvent(String labelVi, String labelEn, String upuEventCode) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.upuEventCode = upuEventCode;
    }

    /** The entry for an agency's event that was kept but not applied. */
    public static TimelineEvent notApplied(AgencyEventType type) {
        return valueOf("AGENCY_" + type.name());
    }

    /** Whether the public tracking page shows this entry. */
    public boolean isPublic() {
        return upuEventCode != null;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    public String upuEventCode() {
        return upuEventCode;
    }
}
