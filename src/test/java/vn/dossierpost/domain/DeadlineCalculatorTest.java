package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DeadlineCalculatorTest {

    private static final TransitTime WITHIN_PROVINCE = new TransitTime(2, 4);
    private final DeadlineCalculator calculator =
            new DeadlineCalculator(Calendars.of2025And2026(), LocalTime.of(15, 0));

    private static LocalDate date(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    @Test
    void cutOffAtThreePm() {
        // Wednesday 22 April 2026
        assertThat(calculator.acceptanceDay(LocalDateTime.of(2026, 4, 22, 14, 59)))
                .isEqualTo(date(2026, 4, 22));
        assertThat(calculator.acceptanceDay(LocalDateTime.of(2026, 4, 22, 14, 59, 59)))
                .isEqualTo(date(2026, 4, 22));
        assertThat(calculator.acceptanceDay(LocalDateTime.of(2026, 4, 22, 15, 0)))
                .isEqualTo(date(2026, 4, 23));
        assertThat(calculator.acceptanceDay(LocalDateTime.of(2026, 4, 22, 15, 1)))
                .isEqualTo(date(2026, 4, 23));
    }

    @Test
    void afterCutOffOnFridayBeforeTetCountsFromMonday23February() {
        assertThat(calculator.acceptanceDay(LocalDateTime.of(2026, 2, 13, 16, 30)))
                .isEqualTo(date(2026, 2, 23));
    }

    @Test
    void saturdayIntakeCountsFromTheNextWorkingDay() {
        // Sat 25 Apr 2026; Mon 27 Apr is the compensation for Hùng Kings' Day
        assertThat(calculator.acceptanceDay(LocalDateTime.of(2026, 4, 25, 9, 0)))
                .isEqualTo(date(2026, 4, 28));
    }

    @Test
    void intakeOnAMakeUpSaturdayCountsThatDay() {
        assertThat(calculator.acceptanceDay(LocalDateTime.of(2025, 4, 26, 10, 0)))
                .isEqualTo(date(2025, 4, 26));
    }

    @Test
    void sendAndReturnDueDates() {
        DueDates due = calculator.forIntake(
                LocalDateTime.of(2026, 4, 23, 10, 0),
                ServiceForm.SEND_AND_RETURN,
                WITHIN_PROVINCE,
                WITHIN_PROVINCE,
                5,
                false);

        assertThat(due.acceptanceDay()).isEqualTo(date(2026, 4, 23));
        assertThat(due.handoverBy()).isEqualTo(date(2026, 4, 28)); // Fri 24, Tue 28
        assertThat(due.resultAppointment()).isEqualTo(date(2026, 5, 7)); // Wed 29, Mon 4 ... Thu 7
        assertThat(due.returnBy()).isEqualTo(date(2026, 5, 11)); // Fri 8, Mon 11
    }

    @Test
    void appointmentSlipByPostUsesTheLongerOutboundTime() {
        DueDates due = calculator.forIntake(
                LocalDateTime.of(2026, 4, 23, 10, 0),
                ServiceForm.SEND_AND_RETURN,
                WITHIN_PROVINCE,
                WITHIN_PROVINCE,
                5,
                true);

        assertThat(due.handoverBy()).isEqualTo(date(2026, 5, 4)); // Fri 24, Tue 28, Wed 29, Mon 4
        assertThat(due.resultAppointment()).isEqualTo(date(2026, 5, 11));
        assertThat(due.returnBy()).isEqualTo(date(2026, 5, 13));
    }

    @Test
    void sendOnlyHasNoReturnDate() {
        DueDates due = calculator.forIntake(
                LocalDateTime.of(2026, 2, 13, 9, 0), ServiceForm.SEND_ONLY, new TransitTime(1, 2), null, 3, false);

        assertThat(due).isEqualTo(new DueDates(date(2026, 2, 13), date(2026, 2, 23), date(2026, 2, 26), null));
    }

    @Test
    void returnOnlyKnowsOnlyTheAcceptanceDay() {
        DueDates due = calculator.forIntake(
                LocalDateTime.of(2026, 4, 22, 15, 0), ServiceForm.RETURN_ONLY, null, WITHIN_PROVINCE, 0, false);

        assertThat(due).isEqualTo(new DueDates(date(2026, 4, 23), null, null, null));
    }

    @Test
    void afterASupplementTheAgencysTimeCountsFromTheNewFilingPastHolidays() {
        // filed Friday 24 Apr 2026 after 15:00; Monday 27 Apr is off for Hùng Kings' Day (a Sunday), 30 Apr and 1 May
        // are holidays
        DueDates before = new DueDates(date(2026, 4, 1), date(2026, 4, 3), date(2026, 5, 4), date(2026, 5, 6));
        DueDates after = calculator.afterSupplement(LocalDateTime.of(2026, 4, 24, 16, 0), 5, before);
        assertThat(after.resultAppointment()).isEqualTo(date(2026, 5, 7)); // 28 Apr + 29, 4, 5, 6, 7
        assertThat(after.returnBy())
                .as("still two working days after the appointment")
                .isEqualTo(date(2026, 5, 11));
        assertThat(after.acceptanceDay()).isEqualTo(before.acceptanceDay());
    }
}
