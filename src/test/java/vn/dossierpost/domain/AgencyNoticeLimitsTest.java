package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.domain.AgencyEventType.DELAYED;
import static vn.dossierpost.domain.AgencyEventType.IN_PROCESSING;
import static vn.dossierpost.domain.AgencyEventType.SUPPLEMENT_REQUESTED;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Decree 61/2018: a new appointment (form 04) at least one working day before the old one (Art. 19),
 * a supplement request (form 02) within three working days of receipt (Art. 18), counted on real
 * calendars: Tết 2026, Hùng Kings' Day on Sunday 26 Apr 2026, the make-up Saturday 26 Apr 2025.
 */
class AgencyNoticeLimitsTest {

    private final DeadlineCalculator deadlines = new DeadlineCalculator(Calendars.of2025And2026(), LocalTime.of(15, 0));
    private final AgencyNoticeLimits limits = new AgencyNoticeLimits(3, 1);

    private static LocalDate date(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    private Optional<LateNotice> delay(LocalDate sentOn, LocalDate oldAppointment) {
        return limits.late(deadlines, DELAYED, sentOn, null, oldAppointment);
    }

    private Optional<LateNotice> supplement(LocalDateTime receivedAt, LocalDate sentOn) {
        return limits.late(deadlines, SUPPLEMENT_REQUESTED, sentOn, receivedAt, date(2026, 12, 31));
    }

    @Test
    void aDelayAnnouncedOnTheFridayBeforeTetForMonday23FebruaryIsInTime() {
        assertThat(delay(date(2026, 2, 13), date(2026, 2, 23))).isEmpty();
        assertThat(delay(date(2026, 2, 12), date(2026, 2, 13)))
                .as("the day before")
                .isEmpty();
    }

    @Test
    void aDelayAnnouncedDuringTetForMonday23FebruaryIsLate() {
        assertThat(delay(date(2026, 2, 18), date(2026, 2, 23))).contains(LateNotice.LATE_DELAY_NOTICE);
        assertThat(delay(date(2026, 2, 23), date(2026, 2, 23))).as("on the day").contains(LateNotice.LATE_DELAY_NOTICE);
        assertThat(delay(date(2026, 2, 24), date(2026, 2, 23))).as("after it").contains(LateNotice.LATE_DELAY_NOTICE);
    }

    @Test
    void aDelayAnnouncedOnTheWeekendOfHungKingsDayForTuesday28AprilIsLate() {
        // Sat 25 and Sun 26 (the holiday) are off, so is Mon 27 in its place: no working day before Tue 28
        assertThat(delay(date(2026, 4, 25), date(2026, 4, 28))).contains(LateNotice.LATE_DELAY_NOTICE);
        assertThat(delay(date(2026, 4, 27), date(2026, 4, 28))).contains(LateNotice.LATE_DELAY_NOTICE);
        assertThat(delay(date(2026, 4, 24), date(2026, 4, 28)))
                .as("the Friday before")
                .isEmpty();
    }

    @Test
    void aDelayAnnouncedOnTheMakeUpSaturday26April2025ForMonday28AprilIsInTime() {
        assertThat(delay(date(2025, 4, 26), date(2025, 4, 28))).isEmpty();
        assertThat(delay(date(2025, 4, 27), date(2025, 4, 28)))
                .as("the Sunday after")
                .contains(LateNotice.LATE_DELAY_NOTICE);
    }

    @Test
    void aSupplementRequestedOnTuesday24FebruaryForAReceiptOnThursday12FebruaryIsInTimeAcrossTet() {
        // Fri 13, Mon 23, Tue 24 Feb: three working days; Wed 25 is one too many
        LocalDateTime received = LocalDateTime.of(2026, 2, 12, 9, 0);
        assertThat(supplement(received, date(2026, 2, 24))).isEmpty();
        assertThat(supplement(received, date(2026, 2, 25))).contains(LateNotice.LATE_SUPPLEMENT_REQUEST);
    }

    @Test
    void aReceiptAfterThreePmOnThursday12FebruaryCountsFromFriday13() {
        assertThat(supplement(LocalDateTime.of(2026, 2, 12, 15, 30), date(2026, 2, 25)))
                .isEmpty();
        assertThat(supplement(LocalDateTime.of(2026, 2, 12, 15, 30), date(2026, 2, 26)))
                .contains(LateNotice.LATE_SUPPLEMENT_REQUEST);
    }

    @Test
    void aSupplementRequestedOnMonday4MayForAReceiptOnTheFridayBeforeHungKingsDayIsInTime() {
        // received Fri 24 Apr 2026: Tue 28, Wed 29 Apr, Mon 4 May (Mon 27, 30 Apr and 1 May are off)
        LocalDateTime received = LocalDateTime.of(2026, 4, 24, 10, 0);
        assertThat(supplement(received, date(2026, 5, 4))).isEmpty();
        assertThat(supplement(received, date(2026, 5, 5))).contains(LateNotice.LATE_SUPPLEMENT_REQUEST);
    }

    @Test
    void aSupplementRequestedOnTuesday29April2025IsLateBecauseTheMakeUpSaturdayCounts() {
        // received Thu 24 Apr 2025: Fri 25, Sat 26 (worked), Mon 28 Apr
        LocalDateTime received = LocalDateTime.of(2025, 4, 24, 10, 0);
        assertThat(supplement(received, date(2025, 4, 28))).isEmpty();
        assertThat(supplement(received, date(2025, 4, 29))).contains(LateNotice.LATE_SUPPLEMENT_REQUEST);
    }

    @Test
    void otherEventsAndUnknownDatesAreNeverFlagged() {
        assertThat(limits.late(
                        deadlines,
                        IN_PROCESSING,
                        date(2026, 2, 25),
                        LocalDateTime.of(2026, 1, 5, 9, 0),
                        date(2026, 2, 1)))
                .isEmpty();
        assertThat(limits.late(deadlines, SUPPLEMENT_REQUESTED, date(2026, 2, 25), null, null))
                .isEmpty();
        assertThat(limits.late(deadlines, DELAYED, date(2026, 2, 25), null, null))
                .isEmpty();
    }

    @Test
    void aNewAppointmentMustBeAfterTheCurrentOne() {
        assertThat(AgencyEventRules.notLater(date(2026, 2, 23), date(2026, 2, 23)))
                .get()
                .extracting(AgencyEventRules.Implausible::field)
                .isEqualTo("newAppointmentDate");
        assertThat(AgencyEventRules.notLater(date(2026, 2, 13), date(2026, 2, 23)))
                .isPresent();
        assertThat(AgencyEventRules.notLater(date(2026, 2, 24), date(2026, 2, 23)))
                .isEmpty();
        assertThat(AgencyEventRules.notLater(date(2026, 2, 24), null)).isEmpty();
    }
}
