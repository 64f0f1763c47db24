package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dossierpost.domain.Calendars.dayOff;
import static vn.dossierpost.domain.Calendars.holiday;
import static vn.dossierpost.domain.Calendars.workingDay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = Calendars.of2025And2026();

    private static LocalDate date(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    @Test
    void ordinaryWeekdaysWorkWeekendsDoNot() {
        assertThat(calendar.isWorkingDay(date(2026, 3, 11))).isTrue(); // Wednesday
        assertThat(calendar.isWorkingDay(date(2026, 3, 14))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(date(2026, 3, 15))).isFalse(); // Sunday
    }

    @Test
    void tetBinhNgo2026IsFiveWeekdaysOff() {
        for (int d = 16; d <= 20; d++) {
            assertThat(calendar.isWorkingDay(date(2026, 2, d))).as("Feb %d", d).isFalse();
        }
        assertThat(calendar.isWorkingDay(date(2026, 2, 13))).isTrue();
        assertThat(calendar.isWorkingDay(date(2026, 2, 23))).isTrue();
    }

    @Test
    void oneWorkingDayAfterFriday13February2026IsMonday23February() {
        assertThat(calendar.addWorkingDays(date(2026, 2, 13), 1)).isEqualTo(date(2026, 2, 23));
        assertThat(calendar.nextWorkingDay(date(2026, 2, 13))).isEqualTo(date(2026, 2, 23));
    }

    @Test
    void hungKingsDayOnSunday26April2026GivesMonday27AprilOff() {
        assertThat(calendar.isWorkingDay(date(2026, 4, 27))).isFalse();
        assertThat(calendar.isWorkingDay(date(2026, 4, 28))).isTrue();
        assertThat(calendar.compensatingDaysOff(2026)).containsOnlyKeys(date(2026, 4, 27));
        assertThat(calendar.compensatingDaysOff(2026).get(date(2026, 4, 27)).name())
                .isEqualTo("Giỗ Tổ Hùng Vương");
    }

    @Test
    void anExplicitDayOffOnTheCompensatingDayIsNotCountedTwice() {
        List<CalendarEntry> entries = new ArrayList<>(Calendars.year2026());
        entries.add(dayOff(2026, 4, 27, "Nghỉ bù Giỗ Tổ Hùng Vương"));
        WorkingCalendar withExplicit = new WorkingCalendar(entries);

        assertThat(withExplicit.daysOff(2026)).isEqualTo(calendar.daysOff(2026));
        assertThat(withExplicit.isWorkingDay(date(2026, 4, 28))).isTrue();
        assertThat(withExplicit.addWorkingDays(date(2026, 4, 24), 1)).isEqualTo(date(2026, 4, 28));
    }

    @Test
    void daysOffOf2026() {
        assertThat(calendar.daysOff(2026))
                .containsExactly(
                        date(2026, 1, 1),
                        date(2026, 2, 16),
                        date(2026, 2, 17),
                        date(2026, 2, 18),
                        date(2026, 2, 19),
                        date(2026, 2, 20),
                        date(2026, 4, 27),
                        date(2026, 4, 30),
                        date(2026, 5, 1));
    }

    @Test
    void makeUpSaturday26April2025IsAWorkingDayAndFriday2MayIsOff() {
        assertThat(calendar.isWorkingDay(date(2025, 4, 26))).isTrue();
        assertThat(calendar.isWorkingDay(date(2025, 5, 2))).isFalse();
        assertThat(calendar.addWorkingDays(date(2025, 4, 25), 1)).isEqualTo(date(2025, 4, 26));
        assertThat(calendar.nextWorkingDay(date(2025, 4, 29))).isEqualTo(date(2025, 5, 5));
        // Sat 26, Mon 28, Tue 29 Apr and Mon 5 May
        assertThat(calendar.workingDaysBetween(date(2025, 4, 25), date(2025, 5, 5)))
                .isEqualTo(4);
        assertThat(calendar.daysOff(2025))
                .containsExactly(
                        date(2025, 1, 1), date(2025, 4, 7), date(2025, 4, 30), date(2025, 5, 1), date(2025, 5, 2));
    }

    @Test
    void addWorkingDaysAcross30AprilAnd1May2026() {
        assertThat(calendar.addWorkingDays(date(2026, 4, 29), 1)).isEqualTo(date(2026, 5, 4));
        assertThat(calendar.addWorkingDays(date(2026, 4, 29), 2)).isEqualTo(date(2026, 5, 5));
        // Tue 28, Wed 29, then Thu 30 Apr, Fri 1 May and the weekend are off
        assertThat(calendar.addWorkingDays(date(2026, 4, 24), 3)).isEqualTo(date(2026, 5, 4));
        assertThat(calendar.addWorkingDays(date(2026, 4, 24), 0)).isEqualTo(date(2026, 4, 24));
        assertThat(calendar.addWorkingDays(date(2026, 4, 25), 0)).isEqualTo(date(2026, 4, 25));
        assertThatThrownBy(() -> calendar.addWorkingDays(date(2026, 4, 24), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysBetweenCountsTheHalfOpenInterval() {
        // Fri 24 Apr 2026 (excl.) to Mon 4 May 2026 (incl.): Tue 28, Wed 29 Apr, Mon 4 May
        assertThat(calendar.workingDaysBetween(date(2026, 4, 24), date(2026, 5, 4)))
                .isEqualTo(3);
        assertThat(calendar.workingDaysBetween(date(2026, 5, 4), date(2026, 5, 4)))
                .isZero();
        assertThat(calendar.workingDaysBetween(date(2026, 5, 4), date(2026, 4, 24)))
                .isEqualTo(-3);
    }

    @Test
    void twoWeekendHolidaysGiveTwoCompensatingDays() {
        // 2022: 30 Apr on Saturday and 1 May on Sunday, off on Mon 2 and Tue 3 May
        WorkingCalendar cal = new WorkingCalendar(
                List.of(holiday(2022, 4, 30, "Ngày Chiến thắng"), holiday(2022, 5, 1, "Quốc tế Lao động")));

        assertThat(cal.daysOff(2022)).containsExactly(date(2022, 5, 2), date(2022, 5, 3));
        assertThat(cal.nextWorkingDay(date(2022, 4, 29))).isEqualTo(date(2022, 5, 4));
    }

    @Test
    void compensationSkipsAWeekdayHolidayAndAnEarlierCompensation() {
        // 2023: Hùng Kings' Day Sat 29 Apr, 30 Apr Sunday, 1 May Monday: off until Wed 3 May
        WorkingCalendar cal = new WorkingCalendar(List.of(
                holiday(2023, 4, 29, "Giỗ Tổ Hùng Vương"),
                holiday(2023, 4, 30, "Ngày Chiến thắng"),
                holiday(2023, 5, 1, "Quốc tế Lao động")));

        assertThat(cal.daysOff(2023)).containsExactly(date(2023, 5, 1), date(2023, 5, 2), date(2023, 5, 3));
        assertThat(cal.compensatingDaysOff(2023).get(date(2023, 5, 2)).name()).isEqualTo("Giỗ Tổ Hùng Vương");
        assertThat(cal.compensatingDaysOff(2023).get(date(2023, 5, 3)).name()).isEqualTo("Ngày Chiến thắng");
        assertThat(cal.nextWorkingDay(date(2023, 4, 28))).isEqualTo(date(2023, 5, 4));
    }

    @Test
    void entriesAreKeptInDateOrder() {
        WorkingCalendar cal = new WorkingCalendar(
                List.of(holiday(2026, 5, 1, "Quốc tế Lao động"), holiday(2026, 4, 30, "Ngày Chiến thắng")));

        assertThat(cal.entries()).extracting(CalendarEntry::date).containsExactly(date(2026, 4, 30), date(2026, 5, 1));
    }

    @Test
    void validateAcceptsARealYear() {
        WorkingCalendar.validate(2025, Calendars.year2025());
        WorkingCalendar.validate(2026, Calendars.year2026());
    }

    @Test
    void validateRejectsADateOfAnotherYear() {
        assertThatThrownBy(() -> WorkingCalendar.validate(2026, List.of(holiday(2027, 1, 1, "Tết Dương lịch"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("2027-01-01 is not in 2026");
    }

    @Test
    void validateRejectsADateListedTwice() {
        assertThatThrownBy(() -> WorkingCalendar.validate(
                        2026, List.of(holiday(2026, 4, 30, "Ngày Chiến thắng"), dayOff(2026, 4, 30, "again"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("2026-04-30 is listed twice");
    }

    @Test
    void validateRejectsAMakeUpDayOnAWeekday() {
        assertThatThrownBy(() -> WorkingCalendar.validate(2025, List.of(workingDay(2025, 4, 25, "wrong"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("2025-04-25 is a Friday: a WORKING_DAY");
    }

    @Test
    void validateRejectsADayOffOnAWeekend() {
        assertThatThrownBy(() -> WorkingCalendar.validate(2026, List.of(dayOff(2026, 2, 14, "Tết"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("2026-02-14 is a Saturday: a DAY_OFF must be a weekday");
    }

    @Test
    void constructorRejectsInconsistentData() {
        assertThatThrownBy(() -> new WorkingCalendar(List.of(holiday(2026, 4, 30, "a"), holiday(2026, 4, 30, "b"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new WorkingCalendar(List.of(dayOff(2026, 4, 26, "Sunday"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("DAY_OFF must be a weekday");
    }
}
