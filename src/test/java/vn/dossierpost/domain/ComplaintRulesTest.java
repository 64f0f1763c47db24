package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplaintRulesTest {
    /** Tết 2026 (16–20 Feb, inside the 14–22 Feb break) and 30 Apr – 2 May 2025 with its make-up Saturday. */
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(List.of(
            new CalendarEntry(LocalDate.of(2026, 2, 16), CalendarEntry.Kind.HOLIDAY, "Tết"),
            new CalendarEntry(LocalDate.of(2026, 2, 17), CalendarEntry.Kind.HOLIDAY, "Tết"),
            new CalendarEntry(LocalDate.of(2026, 2, 18), CalendarEntry.Kind.HOLIDAY, "Tết"),
            new CalendarEntry(LocalDate.of(2026, 2, 19), CalendarEntry.Kind.HOLIDAY, "Tết"),
            new CalendarEntry(LocalDate.of(2026, 2, 20), CalendarEntry.Kind.HOLIDAY, "Tết"),
            new CalendarEntry(LocalDate.of(2025, 4, 26), CalendarEntry.Kind.WORKING_DAY, "làm bù"),
            new CalendarEntry(LocalDate.of(2025, 4, 30), CalendarEntry.Kind.HOLIDAY, "Giải phóng miền Nam"),
            new CalendarEntry(LocalDate.of(2025, 5, 1), CalendarEntry.Kind.HOLIDAY, "Quốc tế Lao động"),
            new CalendarEntry(LocalDate.of(2025, 5, 2), CalendarEntry.Kind.DAY_OFF, "nghỉ bù")));

    @Test
    void aComplaintReceivedOnTheFridayBeforeTetIsAnsweredFiveWorkingDaysAfterTheBreak() {
        // Fri 13 Feb 2026: Mon 23 … Fri 27 Feb are the five working days
        assertThat(ComplaintRules.answerDue(LocalDate.of(2026, 2, 13), false, CALENDAR))
                .isEqualTo(LocalDate.of(2026, 2, 27));
        // between provinces: seven, to Tue 3 Mar
        assertThat(ComplaintRules.answerDue(LocalDate.of(2026, 2, 13), true, CALENDAR))
                .isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void aMakeUpSaturdayCountsAsAWorkingDay() {
        // Thu 24 Apr 2025 + 5: Fri 25, Sat 26 (make-up), Mon 28, Tue 29, then 30 Apr – 2 May off: Mon 5 May
        assertThat(ComplaintRules.answerDue(LocalDate.of(2025, 4, 24), false, CALENDAR))
                .isEqualTo(LocalDate.of(2025, 5, 5));
    }

    @Test
    void aComplaintIsInTimeUpToSixMonthsAfterTheServiceAndNotADayMore() {
        LocalDate served = LocalDate.of(2026, 1, 31);
        assertThat(ComplaintRules.filedInTime(served, LocalDate.of(2026, 7, 31)))
                .isTrue();
        assertThat(ComplaintRules.filedInTime(served, LocalDate.of(2026, 8, 1))).isFalse();
    }

    @Test
    void onlyTheRoutesBetweenProvincesGetSevenDays() {
        assertThat(ComplaintRules.interProvince(RouteClass.INTER_PROVINCE)).isTrue();
        assertThat(ComplaintRules.interProvince(RouteClass.INTER_PROVINCE_MAJOR_CITY))
                .isTrue();
        assertThat(ComplaintRules.interProvince(RouteClass.WITHIN_PROVINCE)).isFalse();
        assertThat(ComplaintRules.interProvince(RouteClass.WITHIN_COMMUNE)).isFalse();
    }

    @Test
    void compensationIsFourTimesTheLegsPostagePlusReissueCostsWithinThirtyDays() {
        assertThat(Compensation.minimum(28_000, 200_000)).isEqualTo(312_000);
        assertThat(Compensation.payBy(LocalDate.of(2026, 2, 13))).isEqualTo(LocalDate.of(2026, 3, 15));
    }
}
