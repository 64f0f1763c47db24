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
}
