package vn.dossierpost.domain;

import java.time.LocalDate;

/**
 * The return leg's rules (QĐ 45/2016 Arts. 9–10; TT 17/2017 Art. 5.2): when delivery fails the post
 * invites the recipient at least twice, two working days apart; an item not delivered then is held
 * at the office for a set number of working days (the invitation to collect it) and, if still not
 * collected, goes back to the agency. The numbers come from configuration.
 *
 * @param calendar              working days
 * @param daysBetweenAttempts   working days from a failed attempt to the next (2)
 * @param attempts              delivery attempts before the item is held at the office (2)
 * @param holdDays              working days an item is held at the office for collection
 */
public record DeliveryRules(WorkingCalendar calendar, int daysBetweenAttempts, int attempts, int holdDays) {

    public DeliveryRules {
        if (daysBetweenAttempts < 1 || attempts < 1 || holdDays < 1) {
            throw new IllegalArgumentException("days between attempts, attempts and hold days must be 1 or more");
        }
    }

    /** The first day another attempt may be made after one failed on {@code failedOn}. */
    public LocalDate nextAttemptFrom(LocalDate failedOn) {
        return calendar.addWorkingDays(failedOn, daysBetweenAttempts);
    }

    /** The last day an item held from {@code heldOn} waits at the office; it may go back to the agency after it. */
    public LocalDate heldUntil(LocalDate heldOn) {
        return calendar.addWorkingDays(heldOn, holdDays);
    }

    public boolean mayReturnHeld(LocalDate today, LocalDate heldUntil) {
        return today.isAfter(heldUntil);
    }

    /** What a failed attempt leads to. */
    public record AfterFailure(DossierStatus status, String why) {}

    /**
     * @param failedAttempts failed attempts including this one
     * @throws InvalidValueException when the action is not allowed (a return before the recipient was
     *                               invited, unless they refused the item)
     */
    public AfterFailure afterFailure(int failedAttempts, FailureReason reason, FailureAction action) {
        return switch (action) {
            case RETURN -> {
                if (reason != FailureReason.REFUSED) {
                    throw new InvalidValueException(
                            "a result goes back to the agency only after the recipient was invited to "
                                    + "collect it (HOLD_AT_OFFICE), unless they refused it (reason REFUSED)");
                }
                yield new AfterFailure(DossierStatus.RETURNED_TO_AGENCY, "the recipient refused the result");
            }
            case HOLD_AT_OFFICE -> new AfterFailure(DossierStatus.HELD_AT_OFFICE, "held at the office for collection");
            case RETRY ->
                failedAttempts >= attempts
                        ? new AfterFailure(
                                DossierStatus.HELD_AT_OFFICE,
                                failedAttempts + " attempts failed: held at the office for collection")
                        : new AfterFailure(DossierStatus.DELIVERY_FAILED, "to be delivered again");
        };
    }

    /**
     * Checks the identity document shown at delivery against the applicant's (QĐ 45/2016 Art. 10).
     * The applicant collecting in person shows their own document, of the type they filed with; a
     * proxy shows theirs and the authorisation. An organisation (identified by its tax code) always
     * collects through a person it authorises. Returns what is wrong, or null.
     */
    public static FieldError identityProblem(
            boolean proxy,
            String presentedType,
            String presentedNumber,
            IdType applicantType,
            String applicantNumber,
            String authorisation) {
        if (presentedNumber == null || !presentedNumber.strip().matches("[A-Za-z0-9]{6,20}")) {
            return new FieldError(
                    "idNumber", "is required: the number of the identity document shown, 6 to 20 letters or digits");
        }
        if (proxy) {
            return authorisation == null || authorisation.isBlank()
                    ? new FieldError(
                            "proxyAuthorisation",
                            "is required: a proxy must show the authorisation; give its reference")
                    : null;
        }
        if (!applicantType.person()) {
            return new FieldError(
                    "relation",
                    "must be PROXY: an organisation's result is collected by a person it authorises, with the"
                            + " authorisation");
        }
        if (!applicantType.name().equals(presentedType)) {
            return new FieldError(
                    "idDocumentType",
                    "must be " + applicantType.name() + ", the document the applicant filed with; someone else"
                            + " collects only as a PROXY with an authorisation");
        }
        return presentedNumber.strip().equalsIgnoreCase(applicantNumber)
                ? null
                : new FieldError(
                        "idNumber",
                        "does not match the applicant's; someone else collects only as a PROXY with an authorisation");
    }

    public record FieldError(String field, String message) {}

    /** What is kept of an identity number: its last 4 characters. */
    public static String lastFour(String number) {
        String n = number.strip();
        return n.substring(Math.max(0, n.length() - 4));
    }
}
