package vn.dossierpost.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One thing given up for a supervisor to look at: a message to an applicant ({@code NOTIFICATION}),
 * a notice to an agency ({@code AGENCY_NOTICE}) or a dead handover ({@code HANDOVER}), with its last
 * error and, once an operator has looked at it, who and when.
 */
public record GivenUpView(
        String kind,
        long id,
        String about,
        OffsetDateTime givenUpAt,
        String lastError,
        OffsetDateTime acknowledgedAt,
        String acknowledgedBy) {

    /** The given-up items, newest first. */
    public record Page(List<GivenUpView> items) {}
}
