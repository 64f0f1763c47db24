package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dates an agency's event may carry: plausible ones pass, the others name their field. */
class AgencyEventDatesTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-02T10:00:00+07:00");
    static final LocalDate RECEIVED = LocalDate.of(2026, 11, 20);

    private static Optional<String> field(OffsetDateTime at, LocalDate appointment) {
        return AgencyEventRules.implausible(at, appointment, NOW, RECEIVED).map(AgencyEventRules.Implausible::field);
    }

    @Test
    void plausibleDatesPass() {
        assertThat(field(null, null)).isEmpty();
        assertThat(field(NOW.minusDays(3), LocalDate.of(2026, 12, 15))).isEmpty();
        assertThat(field(NOW.plusMinutes(30), RECEIVED))
                .as("a clock a little ahead")
                .isEmpty();
    }

    @Test
    void aTimeBefore2020OrAheadOfOurClockIsRefused() {
        assertThat(field(OffsetDateTime.parse("1900-01-01T00:00:00+07:00"), null))
                .contains("at");
        assertThat(field(NOW.plusHours(2), null)).contains("at");
        assertThat(field(OffsetDateTime.MAX, null)).contains("at");
    }

    @Test
    void aDelayBackInTimeOrYearsAheadIsRefused() {
        assertThat(field(null, LocalDate.of(1900, 1, 1))).contains("newAppointmentDate");
        assertThat(field(null, RECEIVED.minusDays(1))).contains("newAppointmentDate");
        assertThat(field(null, LocalDate.of(2030, 1, 1))).contains("newAppointmentDate");
        assertThat(field(null, LocalDate.MAX)).contains("newAppointmentDate");
        assertThat(AgencyEventRules.implausible(null, LocalDate.of(2019, 12, 31), NOW, null))
                .as("the dossier not known yet: 2020 is the floor")
                .map(AgencyEventRules.Implausible::field)
                .contains("newAppointmentDate");
    }
}
