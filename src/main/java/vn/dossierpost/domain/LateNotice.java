package vn.dossierpost.domain;

/**
 * An agency's notice that was applied but came later than the law allows ({@link AgencyNoticeLimits}),
 * kept for the reports in {@code agency_event.late_notice} and shown to staff on the timeline under
 * the {@link TimelineEvent} of the same name.
 */
public enum LateNotice {
    /** Form 04 (a new appointment) sent less than the required working days before the old appointment. */
    LATE_DELAY_NOTICE,
    /** Form 02 (a supplement request) sent after the working days allowed from the receipt: the agency's fault. */
    LATE_SUPPLEMENT_REQUEST
}
