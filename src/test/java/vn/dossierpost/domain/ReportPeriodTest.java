package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void namedPeriodsCoverTheirQuartersHalvesAndYears() {
        assertThat(ReportPeriod.parse("2026-Q1", null, null))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "2026-Q1"));
        assertThat(ReportPeriod.parse("2026-Q2", null, null).to()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(ReportPeriod.parse("2026-Q3", null, null).from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(ReportPeriod.parse("2026-Q4", null, null).to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(ReportPeriod.parse("2026-H1", null, null).to()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(ReportPeriod.parse(" 2026-H2 ", "", " ").from()).isEqualTo(LocalDate.of(2026, 7, 1));
        ReportPeriod year = ReportPeriod.parse("2024", null, null);
        assertThat(year.from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(year.to()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(year.days()).isEqualTo(366);
        assertThat(ReportPeriod.parse("2028-Q1", null, null).days()).isEqualTo(91);
    }

    @Test
    void daysGivenIncludeBothEnds() {
        ReportPeriod p = ReportPeriod.parse(null, "2026-02-10", "2026-02-10");
        assertThat(p.days()).isEqualTo(1);
        assertThat(ReportPeriod.parse(null, "2026-01-01", "2030-12-31").days()).isEqualTo(1826);
    }

    @Test
    void whatDoesNotMakeAPeriodNamesItsParameter() {
        invalid(null, null, null, "period");
        invalid("2026-Q5", null, null, "period");
        invalid("2026-q1", null, null, "period");
        invalid("26-Q1", null, null, "period");
        invalid("1999", null, null, "period");
        invalid("2026-Q1", "2026-01-01", null, "period");
        invalid(null, "2026-01-01", null, "to");
        invalid(null, null, "2026-01-01", "from");
        invalid(null, "01/01/2026", "2026-01-31", "from");
        invalid(null, "2026-02-01", "2026-01-31", "to");
        invalid(null, "2026-01-01", "2031-01-01", "to");
    }

    private static void invalid(String period, String from, String to, String field) {
        assertThatThrownBy(() -> ReportPeriod.parse(period, from, to))
                .isInstanceOfSatisfying(
                        ReportPeriod.Invalid.class,
                        e -> assertThat(e.field())
                                .as(period + " " + from + " " + to)
                                .isEqualTo(field));
    }
}
