package vn.dossierpost.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Due dates of a dossier in working days. A dossier received on a working day before the cut-off
 * (15:00 per Decree 61/2018 Art. 18, passed in from configuration) counts from that day; later, or
 * on a day off, it counts from the next working day. Each leg then takes J + n working days
 * (Circular 17/2017 Art. 7), and the agency's processing time is added in working days.
 */
public final class DeadlineCalculator {

    private final WorkingCalendar calendar;
    private final LocalTime cutOff;

    public DeadlineCalculator(WorkingCalendar calendar, LocalTime cutOff) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.cutOff = Objects.requireNonNull(cutOff, "cutOff");
    }

    /** J: the receipt date when it is a working day and the time is before the cut-off, else the next working day. */
    public LocalDate acceptanceDay(LocalDateTime receivedAt) {
        LocalDate date = receivedAt.toLocalDate();
        if (calendar.isWorkingDay(date) && receivedAt.toLocalTime().isBefore(cutOff)) {
            return date;
        }
        return calendar.nextWorkingDay(date);
    }

    /**
     * Due dates at intake. {@code outbound} may be null for RETURN_ONLY and {@code ret} for
     * SEND_ONLY. For RETURN_ONLY only the acceptance day is known: the result date is the agency's.
     */
    public DueDates forIntake(
            LocalDateTime receivedAt,
            ServiceForm form,
            TransitTime outbound,
            TransitTime ret,
            int processingDays,
            boolean appointmentSlipByPost) {
        LocalDate j = acceptanceDay(receivedAt);
        if (!form.sends()) {
            return new DueDates(j, null, null, null);
        }
        if (processingDays < 0) {
            throw new IllegalArgumentException("processing days must be 0 or more, was " + processingDays);
        }
        Objects.requireNonNull(outbound, "outbound transit time");
        LocalDate handoverBy = calendar.addWorkingDays(j, outbound.days(appointmentSlipByPost));
        LocalDate resultAppointment = calendar.addWorkingDays(handoverBy, processingDays);
        LocalDate returnBy = null;
        if (form.returns()) {
            Objects.requireNonNull(ret, "return transit time");
            returnBy = calendar.addWorkingDays(resultAppointment, ret.days());
        }
        return new DueDates(j, handoverBy, resultAppointment, returnBy);
    }

    /**
     * After a supplement the agency's clock starts again from zero (Decree 61/2018 Art. 18): the
     * appointment is {@code processingDays} working days from the day the completed dossier is filed
     * (after the cut-off, the next working day), and the return date keeps its distance in working days.
     */
    public DueDates afterSupplement(LocalDateTime filedAt, int processingDays, DueDates before) {
        LocalDate filed = acceptanceDay(filedAt);
        LocalDate result = calendar.addWorkingDays(filed, processingDays);
        LocalDate returnBy = before.returnBy() == null || before.resultAppointment() == null
                ? before.returnBy()
                : calendar.addWorkingDays(
                        result, calendar.workingDaysBetween(before.resultAppointment(), before.returnBy()));
        return new DueDates(before.acceptanceDay(), before.handoverBy(), result, returnBy);
    }

    /**
     * The agency's one new appointment (form 04): the return leg's allowance counts from it, as it
     * counts from the expected result at intake, so the agency's delay is not charged to the post.
     */
    public DueDates delayed(DueDates before, LocalDate newAppointment, TransitTime ret) {
        LocalDate returnBy = before.returnBy() == null ? null : calendar.addWorkingDays(newAppointment, ret.days());
        return new DueDates(before.acceptanceDay(), before.handoverBy(), newAppointment, returnBy);
    }

    /**
     * A supplement taken at the counter goes to the agency again: its leg is J + n from the day the
     * supplement was received (J after the cut-off as at intake), not from the original intake.
     */
    public LocalDate handoverAfterSupplement(
            LocalDateTime supplementReceivedAt, TransitTime outbound, boolean appointmentSlipByPost) {
        return calendar.addWorkingDays(acceptanceDay(supplementReceivedAt), outbound.days(appointmentSlipByPost));
    }

    /**
     * The return leg once the result is collected: J is the day on the return slip, signed at the
     * agency when the clerk collects (QĐ 45 Art. 9; TT 17 Art. 7 counts each leg from its slip), so
     * the leg is J + n from the collection. Never earlier than {@code promised} (the return date the
     * applicant was given at intake or after a delay, null when none was): a result collected early
     * does not shorten the time the applicant was told to expect, and a result the post leaves
     * uncollected still shows overdue against that date until it is collected.
     */
    public LocalDate returnAfterCollection(LocalDateTime collectedAt, TransitTime ret, LocalDate promised) {
        LocalDate due = calendar.addWorkingDays(acceptanceDay(collectedAt), ret.days());
        return promised != null && promised.isAfter(due) ? promised : due;
    }

    /**
     * Whether a notice sent on {@code sentOn} came at least {@code workingDays} working days before
     * {@code deadline} (form 04 before the old appointment, Decree 61/2018 Art. 19). A notice sent
     * on a day off counts from the next working day: a Saturday notice for a Monday appointment
     * leaves no working day, one sent on a make-up Saturday does.
     */
    public boolean announcedInTime(LocalDate sentOn, LocalDate deadline, int workingDays) {
        LocalDate from = calendar.isWorkingDay(sentOn) ? sentOn : calendar.nextWorkingDay(sentOn);
        return calendar.workingDaysBetween(from, deadline) >= workingDays;
    }

    /**
     * Whether a request made on {@code requestedOn} came within {@code workingDays} working days of
     * the agency's receipt at {@code receivedAt} (form 02, Decree 61/2018 Art. 18), the receipt
     * counted like a dossier's: after the cut-off or on a day off, from the next working day.
     */
    public boolean requestedInTime(LocalDateTime receivedAt, LocalDate requestedOn, int workingDays) {
        return !requestedOn.isAfter(calendar.addWorkingDays(acceptanceDay(receivedAt), workingDays));
    }
}
