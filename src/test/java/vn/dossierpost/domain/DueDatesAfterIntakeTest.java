package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * The dates that move after intake, on real calendars: Tết Bính Ngọ (Mon 16 – Fri 20 Feb 2026),
 * Hùng Kings' Day on Sunday 26 Apr 2026 (Monday 27 off instead, then 30 Apr and 1 May), the make-up
 * Saturday 26 Apr 2025. Each leg is J + n working days (TT 17 Art. 7), here n = 2 (within a province).
 */
class DueDatesAfterIntakeTest {

    private static final TransitTime WITHIN_PROVINCE = new TransitTime(2, 4);
    private final DeadlineCalculator calculator =
            new DeadlineCalculator(Calendars.of2025And2026(), LocalTime.of(15, 0));

    private static LocalDate date(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    private static DueDates promised(LocalDate result, LocalDate returnBy) {
        return new DueDates(date(2026, 1, 26), date(2026, 1, 28), result, returnBy);
    }

    @Test
    void aDelayAnnouncedOnTheFridayBeforeTetMovesTheReturnByTwoWorkingDaysAfterTheNewAppointmentAcrossTet() {
        // appointment Thu 12 Feb, return Mon 23 Feb; new appointment Fri 13 Feb: back by Tue 24 Feb, not Tue 17
        DueDates moved =
                calculator.delayed(promised(date(2026, 2, 12), date(2026, 2, 23)), date(2026, 2, 13), WITHIN_PROVINCE);
        assertThat(moved.resultAppointment()).isEqualTo(date(2026, 2, 13));
        assertThat(moved.returnBy()).isEqualTo(date(2026, 2, 24));
        assertThat(moved.handoverBy()).as("the way there is over").isEqualTo(date(2026, 1, 28));
    }

    @Test
    void aDelayToThursday30AprilMovesTheReturnPastTheHolidaysToTuesday5May() {
        // 30 Apr and 1 May are holidays, the weekend follows: J + 2 from the new appointment is Tue 5 May
        DueDates moved =
                calculator.delayed(promised(date(2026, 4, 24), date(2026, 4, 29)), date(2026, 4, 30), WITHIN_PROVINCE);
        assertThat(moved.returnBy()).isEqualTo(date(2026, 5, 5));
    }

    @Test
    void aDelayOfASendOnlyDossierMovesOnlyTheAppointment() {
        DueDates moved = calculator.delayed(promised(date(2026, 2, 12), null), date(2026, 2, 13), WITHIN_PROVINCE);
        assertThat(moved.resultAppointment()).isEqualTo(date(2026, 2, 13));
        assertThat(moved.returnBy()).isNull();
    }

    @Test
    void aSupplementReceivedAfterThreePmOnTheFridayBeforeTetIsHandedOverByWednesday25February() {
        // J is Mon 23 Feb (after the cut-off, then Tết); two working days on: Wed 25 Feb
        assertThat(calculator.handoverAfterSupplement(LocalDateTime.of(2026, 2, 13, 16, 0), WITHIN_PROVINCE, false))
                .isEqualTo(date(2026, 2, 25));
        // with the appointment slip to bring back, n = 4: Fri 27 Feb
        assertThat(calculator.handoverAfterSupplement(LocalDateTime.of(2026, 2, 13, 16, 0), WITHIN_PROVINCE, true))
                .isEqualTo(date(2026, 2, 27));
    }

    @Test
    void aSupplementReceivedOnTheMakeUpSaturday26April2025CountsFromThatSaturday() {
        assertThat(calculator.handoverAfterSupplement(LocalDateTime.of(2025, 4, 26, 10, 0), WITHIN_PROVINCE, false))
                .isEqualTo(date(2025, 4, 29));
    }

    @Test
    void aResultCollectedOnHungKingsDayASundayIsDueBackMonday4May() {
        // Sun 26 Apr 2026, Mon 27 off in its place: J Tue 28 Apr; Wed 29, then 30 Apr, 1 May and the weekend
        assertThat(calculator.returnAfterCollection(
                        LocalDateTime.of(2026, 4, 26, 9, 0), WITHIN_PROVINCE, date(2026, 4, 24)))
                .isEqualTo(date(2026, 5, 4));
    }

    @Test
    void aResultCollectedAfterThreePmOnTheFridayBeforeTetIsDueBackWednesday25February() {
        assertThat(calculator.returnAfterCollection(
                        LocalDateTime.of(2026, 2, 13, 15, 30), WITHIN_PROVINCE, date(2026, 2, 17)))
                .isEqualTo(date(2026, 2, 25));
    }

    @Test
    void aResultCollectedEarlyKeepsTheReturnDatePromisedToTheApplicant() {
        // collected Mon 20 Apr 2026 (J + 2 is Wed 22 Apr); the applicant was promised Fri 8 May
        assertThat(calculator.returnAfterCollection(
                        LocalDateTime.of(2026, 4, 20, 10, 0), WITHIN_PROVINCE, date(2026, 5, 8)))
                .isEqualTo(date(2026, 5, 8));
    }

    @Test
    void aResultCollectedWithNoPromisedDateGetsJPlusN() {
        // RETURN_ONLY: no return date at intake; collected on the make-up Saturday 26 Apr 2025
        assertThat(calculator.returnAfterCollection(LocalDateTime.of(2025, 4, 26, 11, 0), WITHIN_PROVINCE, null))
                .isEqualTo(date(2025, 4, 29));
    }
}
