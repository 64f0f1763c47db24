package vn.dossierpost.domain;

import static vn.dossierpost.domain.DossierStatus.*;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which clock runs for a dossier, who holds it and until when (TT 17/2017 Art. 7 for the post's legs,
 * Decree 61/2018 for the agency's): the post carrying it to the agency (due: the hand-over date),
 * the agency processing it (due: the appointment date), the post bringing the result back (due: the
 * return date). While a supplement is awaited the applicant holds the dossier and no clock runs: the
 * agency's restarts from zero once the supplement is complete. The due dates are the dossier's
 * current ones, moved after intake ({@link DueDates}) so that a leg is not charged with the time
 * another held the dossier: an agency's delay does not make the post's return leg overdue.
 */
public record LegClock(Stage stage, Holder holder, LocalDate due) {

    public enum Stage {
        TO_AGENCY(EnumSet.of(RECEIVED, DIGITISED, IN_TRANSIT_TO_AGENCY), EnumSet.of(DELIVERED_TO_AGENCY)),
        AT_AGENCY(EnumSet.of(DELIVERED_TO_AGENCY, IN_PROCESSING, AWAITING_RESULT), EnumSet.of(RESULT_READY, REFUSED)),
        TO_APPLICANT(
                EnumSet.of(RESULT_READY, REFUSED, RESULT_COLLECTED, OUT_FOR_DELIVERY, DELIVERY_FAILED, HELD_AT_OFFICE),
                EnumSet.of(DELIVERED));

        private final Set<DossierStatus> statuses;
        private final Set<DossierStatus> endedBy;

        Stage(Set<DossierStatus> statuses, Set<DossierStatus> endedBy) {
            this.statuses = Collections.unmodifiableSet(statuses);
            this.endedBy = Collections.unmodifiableSet(endedBy);
        }

        /**
         * The statuses whose first entry finishes this stage: the hand-over to the agency, the agency's
         * answer (a result or a refusal), the result in the applicant's hands.
         */
        public Set<DossierStatus> endedBy() {
            return endedBy;
        }

        /** Who holds this stage's clock. */
        public Holder holder() {
            return this == AT_AGENCY ? Holder.AGENCY : Holder.POST;
        }

        /** The statuses in which this stage's clock runs (a SEND_ONLY dossier has no return stage). */
        public Set<DossierStatus> statuses() {
            return statuses;
        }
    }

    public enum Holder {
        POST,
        AGENCY,
        APPLICANT
    }

    /** The clock running now; empty when none does (waiting for a supplement, or the journey is over). */
    public static Optional<LegClock> running(
            DossierStatus status, ServiceForm form, LocalDate handoverDue, LocalDate resultDue, LocalDate returnDue) {
        if (Stage.TO_AGENCY.statuses().contains(status)) {
            return Optional.of(new LegClock(Stage.TO_AGENCY, Stage.TO_AGENCY.holder(), handoverDue));
        }
        if (Stage.AT_AGENCY.statuses().contains(status)) {
            return Optional.of(new LegClock(Stage.AT_AGENCY, Stage.AT_AGENCY.holder(), resultDue));
        }
        if (Stage.TO_APPLICANT.statuses().contains(status) && form != ServiceForm.SEND_ONLY) {
            return Optional.of(new LegClock(Stage.TO_APPLICANT, Stage.TO_APPLICANT.holder(), returnDue));
        }
        return Optional.empty();
    }

    /**
     * Who held the dossier while it was in {@code status}, clock running or not: the holder of the
     * stage the status belongs to, the applicant while a supplement is awaited; empty once the
     * journey is over. A late leg is put down to whoever held the dossier when its due day ended.
     */
    public static Optional<Holder> heldBy(DossierStatus status) {
        for (Stage stage : Stage.values()) {
            if (stage.statuses().contains(status)) {
                return Optional.of(stage.holder());
            }
        }
        return waitingFor(status);
    }

    /** Who holds the dossier when no clock runs: the applicant while a supplement is awaited. */
    public static Optional<Holder> waitingFor(DossierStatus status) {
        return status == SUPPLEMENT_REQUESTED ? Optional.of(Holder.APPLICANT) : Optional.empty();
    }

    public boolean overdue(LocalDate today) {
        return due != null && due.isBefore(today);
    }
}
