package vn.dossierpost.domain;

import static vn.dossierpost.domain.DossierStatus.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an agency's event does to a dossier, given where the dossier stands. Agencies' systems send
 * events late, twice under new ids, or out of order; the dossier must never move backwards.
 * <ul>
 * <li>APPLY: the transition table allows it (RECEIVED on a dossier in transit makes it delivered).</li>
 * <li>STALE: the dossier is already at or past the stage the event reports (an IN_PROCESSING arriving
 *     after RESULT_READY, a second RESULT_READY): kept on the timeline, changes nothing.</li>
 * <li>CONFLICT (409): the event contradicts the dossier or comes before its time — RESULT_READY for a
 *     dossier the agency never acknowledged, REFUSED after RESULT_READY, a second DELAYED (only one
 *     rescheduling is allowed, Decree 61/2018 Art. 19), anything on a withdrawn dossier.</li>
 * </ul>
 * The stage of each status along the agency's part of the journey decides between STALE and
 * CONFLICT; a different outcome at the same stage is a contradiction.
 */
public final class AgencyEventRules {

    public enum Outcome {
        APPLY,
        STALE,
        CONFLICT
    }

    public record Decision(Outcome outcome, DossierStatus to, String reason) {}

    private static final Map<DossierStatus, Integer> STAGE = new EnumMap<>(DossierStatus.class);

    static {
        STAGE.put(IN_TRANSIT_TO_AGENCY, 0);
        STAGE.put(AWAITING_RESULT, 0);
        STAGE.put(DELIVERED_TO_AGENCY, 1);
        STAGE.put(IN_PROCESSING, 2);
        STAGE.put(SUPPLEMENT_REQUESTED, 3);
        STAGE.put(REFUSED, 4);
        STAGE.put(RESULT_READY, 4);
        for (DossierStatus s : new DossierStatus[] {
            RESULT_COLLECTED, OUT_FOR_DELIVERY, DELIVERY_FAILED, HELD_AT_OFFICE, DELIVERED, RETURNED_TO_AGENCY
        }) {
            STAGE.put(s, 5);
        }
    }

    /** Before any dossier this service could have handed over: a wrong clock or a made-up date. */
    public static final LocalDate EARLIEST = LocalDate.of(2020, 1, 1);

    /** How far ahead of our clock an agency's clock may run. */
    public static final Duration CLOCK_SKEW = Duration.ofHours(1);

    /** How far ahead a new appointment date may be set (Decree 61/2018 time limits are weeks, not years). */
    public static final Period FURTHEST_APPOINTMENT = Period.ofYears(3);

    /** A field of an event that cannot be true, and why. */
    public record Implausible(String field, String message) {}

    private AgencyEventRules() {}

    /**
     * The dates an event carries, checked against the calendar before anything is stored: when it
     * happened ({@code at}, not before 2020 nor ahead of our clock by more than the skew) and a new
     * appointment date (not before the dossier was received, at most three years ahead). A date
     * like {@code +999999999-12-31} or a delay back to 1900 is refused here, with the field named.
     *
     * @param receivedOn the day the dossier was received, or null when the dossier is not known yet
     */
    public static Optional<Implausible> implausible(
            OffsetDateTime at, LocalDate newAppointment, OffsetDateTime now, LocalDate receivedOn) {
        if (at != null && at.toLocalDate().isBefore(EARLIEST)) {
            return Optional.of(new Implausible("at", "is before " + EARLIEST + ": not a time of this dossier"));
        }
        if (at != null && at.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of(new Implausible(
                    "at", "is in the future (our clock says " + now.withNano(0) + "); send when it happened"));
        }
        if (newAppointment != null) {
            LocalDate earliest = receivedOn != null ? receivedOn : EARLIEST;
            if (newAppointment.isBefore(earliest)) {
                return Optional.of(new Implausible(
                        "newAppointmentDate", "is before " + earliest + ", when the dossier was received"));
            }
            LocalDate furthest = now.toLocalDate().plus(FURTHEST_APPOINTMENT);
            if (newAppointment.isAfter(furthest)) {
                return Optional.of(new Implausible(
                        "newAppointmentDate", "is more than " + FURTHEST_APPOINTMENT.getYears() + " years ahead"));
            }
        }
        return Optional.empty();
    }

    /**
     * A new appointment (form 04) puts the date back, never forward: one on or before the current
     * appointment is refused (422), with the field named. No current appointment, nothing to compare.
     */
    public static Optional<Implausible> notLater(LocalDate newAppointment, LocalDate currentAppointment) {
        if (newAppointment == null || currentAppointment == null || newAppointment.isAfter(currentAppointment)) {
            return Optional.empty();
        }
        return Optional.of(new Implausible(
                "newAppointmentDate",
                "must be after the current appointment " + currentAppointment + " (a delay gives a later date)"));
    }

    /** @param delayedBefore whether a DELAYED event was already applied to this dossier */
    public static Decision decide(DossierStatus current, AgencyEventType event, boolean delayedBefore) {
        if (current == WITHDRAWN) {
            return conflict("the dossier was withdrawn");
        }
        if (event == AgencyEventType.DELAYED) {
            if (current != DELIVERED_TO_AGENCY && current != IN_PROCESSING) {
                return conflict(
                        "a new appointment date is given while the agency processes the dossier; it is " + current);
            }
            return delayedBefore
                    ? conflict("only one rescheduling is allowed (Decree 61/2018 Art. 19); it was rescheduled already")
                    : new Decision(Outcome.APPLY, null, null);
        }
        DossierStatus target = event.target();
        if (current == target) {
            return new Decision(Outcome.STALE, null, "the dossier is " + current + " already");
        }
        if (DossierTransitions.allowed(current, target)) {
            return new Decision(Outcome.APPLY, target, null);
        }
        if (stage(current) > stage(target)) {
            return new Decision(Outcome.STALE, null, "the dossier is " + current + ", past " + target);
        }
        return conflict("the dossier is " + current + "; " + event + " cannot apply now (allowed next: "
                + current.allowedNext() + ")");
    }

    private static int stage(DossierStatus s) {
        return STAGE.getOrDefault(s, -1);
    }

    private static Decision conflict(String reason) {
        return new Decision(Outcome.CONFLICT, null, reason);
    }
}
