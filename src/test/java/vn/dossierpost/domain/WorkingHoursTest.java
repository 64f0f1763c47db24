package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {
    private static final Duration FOUR_HOURS = Duration.ofHours(4);

    private final WorkingHours hours = new WorkingHours(
            Calendars.of2025And2026(),
            List.of(WorkingHours.Session.parse("07:30-11:30"), WorkingHours.Session.parse("13:00 - 17:00")));

    /** Four working hours from {@code from} end at {@code expectedEnd}, and back again. */
    private void fourHours(LocalDateTime from, LocalDateTime expectedEnd) {
        assertThat(hours.between(from, expectedEnd)).isEqualTo(FOUR_HOURS);
        assertThat(hours.minus(expectedEnd, FOUR_HOURS)).isEqualTo(from);
        assertThat(hours.between(from.minusMinutes(1), expectedEnd))
                .as("a minute earlier is a minute more")
                .isEqualTo(FOUR_HOURS.plusMinutes(1));
    }

    @Test
    void aWorkingDaySkipsTheLunchBreak() {
        fourHours(LocalDateTime.of(2025, 12, 3, 10, 0), LocalDateTime.of(2025, 12, 3, 15, 30));
        assertThat(hours.day()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void fridayAfternoonBeforeTetEndsOnTheMondayAfterTheWeekOff() {
        // Tết Bính Ngọ: Mon 16 – Fri 20 February 2026
        fourHours(LocalDateTime.of(2026, 2, 13, 16, 0), LocalDateTime.of(2026, 2, 23, 10, 30));
    }

    @Test
    void aHolidayOnSundayIsMadeUpOnMondaySoTheClockWaitsTillTuesday() {
        // Giỗ Tổ Hùng Vương on Sunday 26 April 2026: Monday 27 off in lieu
        fourHours(LocalDateTime.of(2026, 4, 24, 16, 0), LocalDateTime.of(2026, 4, 28, 10, 30));
    }

    @Test
    void aMakeUpSaturdayCounts() {
        // Saturday 26 April 2025 worked in exchange for Friday 2 May
        fourHours(LocalDateTime.of(2025, 4, 25, 16, 0), LocalDateTime.of(2025, 4, 26, 10, 30));
    }

    @Test
    void nothingRunsOutsideTheSessions() {
        LocalDateTime fridayEvening = LocalDateTime.of(2025, 12, 5, 19, 0);
        LocalDateTime mondayMorning = LocalDateTime.of(2025, 12, 8, 7, 30);
        assertThat(hours.between(fridayEvening, mondayMorning)).isZero();
        assertThat(hours.between(LocalDateTime.of(2025, 12, 3, 12, 0), LocalDateTime.of(2025, 12, 3, 17, 0)))
                .as("sent at lunch: the clock starts at 13:00")
                .isEqualTo(FOUR_HOURS);
        // four working hours before Wednesday 17:00 began at lunch: taken as early as it can be,
        // 11:30, so a package left at 12:00 has had exactly four hours, not more
        assertThat(hours.minus(LocalDateTime.of(2025, 12, 3, 17, 0), FOUR_HOURS))
                .isEqualTo(LocalDateTime.of(2025, 12, 3, 11, 30));
        assertThat(hours.between(LocalDateTime.of(2025, 12, 3, 17, 0), LocalDateTime.of(2025, 12, 3, 9, 0)))
                .as("backwards is nothing")
                .isZero();
    }

    @Test
    void sessionsAreCheckedWhenRead() {
        assertThatThrownBy(() -> WorkingHours.Session.parse("7h30 - 11h30"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("HH:MM-HH:MM");
        assertThatThrownBy(() -> WorkingHours.Session.parse("13:00-11:30"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("start before it ends");
        assertThatThrownBy(() -> new WorkingHours(
                        Calendars.of2025And2026(),
                        List.of(WorkingHours.Session.parse("07:30-12:00"), WorkingHours.Session.parse("11:30-17:00"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("overlapping");
        assertThatThrownBy(() -> WorkingHours.check(
                        List.of(WorkingHours.Session.parse("13:00-17:00"), WorkingHours.Session.parse("07:30-11:30"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("order of the day");
    }
}
