package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.dossierpost.domain.RetentionRule.Hold;
import vn.dossierpost.domain.RetentionRule.Standing;

class RetentionRuleTest {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Instant NOW = ZonedDateTime.of(2031, 3, 10, 2, 30, 0, 0, VN).toInstant();
    static final RetentionRule FIVE = new RetentionRule(5);

    static Instant ago(int years, int days) {
        return NOW.atZone(VN).minusYears(years).minusDays(days).toInstant();
    }

    static Standing delivered(Instant closedAt, Hold... holds) {
        Set<Hold> set = EnumSet.noneOf(Hold.class);
        set.addAll(Set.of(holds));
        return new Standing(DossierStatus.DELIVERED, ServiceForm.SEND_AND_RETURN, closedAt, set);
    }

    @Test
    void aDossierClosedFiveYearsAndADayAgoMayGoOneClosedADayLessMayNot() {
        assertThat(FIVE.mayPurge(delivered(ago(5, 1)), NOW, VN)).isTrue();
        assertThat(FIVE.mayPurge(delivered(ago(5, -1)), NOW, VN)).isFalse();
        // exactly five years: not yet ("more than five years ago")
        assertThat(FIVE.mayPurge(delivered(ago(5, 0)), NOW, VN)).isFalse();
        assertThat(FIVE.mayPurge(delivered(null), NOW, VN)).isFalse();
    }

    @Test
    void theCutoffCountsCalendarYearsInThePostsZone() {
        assertThat(FIVE.cutoff(NOW, VN))
                .isEqualTo(ZonedDateTime.of(2026, 3, 10, 2, 30, 0, 0, VN).toInstant());
        assertThat(new RetentionRule(10).cutoff(NOW, VN).atZone(VN).getYear()).isEqualTo(2021);
        assertThatThrownBy(() -> new RetentionRule(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyLegalHoldKeepsAnOldDossier() {
        for (Hold hold : Hold.values()) {
            assertThat(FIVE.mayPurge(delivered(ago(9, 0), hold), NOW, VN))
                    .as(hold.name())
                    .isFalse();
        }
    }

    @Test
    void onlyClosedDossiersGo() {
        assertThat(RetentionRule.terminalStatuses())
                .containsExactlyInAnyOrder(
                        DossierStatus.DELIVERED, DossierStatus.RETURNED_TO_AGENCY, DossierStatus.WITHDRAWN);
        for (DossierStatus s : DossierStatus.values()) {
            Standing open = new Standing(s, ServiceForm.SEND_AND_RETURN, ago(20, 0), Set.of());
            assertThat(FIVE.mayPurge(open, NOW, VN)).as(s.name()).isEqualTo(s.terminal());
        }
        // a SEND_ONLY dossier's journey with the post ends with the agency's answer
        for (DossierStatus s : EnumSet.of(DossierStatus.RESULT_READY, DossierStatus.REFUSED)) {
            assertThat(RetentionRule.closed(s, ServiceForm.SEND_ONLY)).isTrue();
            assertThat(RetentionRule.closed(s, ServiceForm.SEND_AND_RETURN)).isFalse();
        }
        assertThat(RetentionRule.closed(DossierStatus.IN_PROCESSING, ServiceForm.SEND_ONLY))
                .isFalse();
    }

    @Test
    void aPurgedNameIsShownAsTheTombstoneNotMasked() {
        assertThat(NameMasker.mask(RetentionRule.TOMBSTONE)).isEqualTo(RetentionRule.TOMBSTONE);
    }
}
