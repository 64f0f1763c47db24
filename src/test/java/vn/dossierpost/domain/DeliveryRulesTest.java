package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {
    final DeliveryRules rules = new DeliveryRules(Calendars.of2025And2026(), 2, 2, 5);

    @Test
    void theNextAttemptIsTwoWorkingDaysAfterAFailedOne() {
        // Wednesday → Friday
        assertThat(rules.nextAttemptFrom(LocalDate.of(2026, 11, 18))).isEqualTo(LocalDate.of(2026, 11, 20));
        // Friday → Tuesday: the weekend does not count
        assertThat(rules.nextAttemptFrom(LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void tetDoesNotCount() {
        // failed on Friday 13 Feb 2026; Tết Bính Ngọ is Mon 16 – Fri 20 Feb: Mon 23 is the first working day, Tue 24
        // the second
        assertThat(rules.nextAttemptFrom(LocalDate.of(2026, 2, 13))).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void aHolidayOnSundayGivesMondayOff() {
        // Hùng Kings' Day 2026 is Sunday 26 Apr, so Monday 27 is off: failed Friday 24 → Tue 28 (1), Wed 29 (2)
        assertThat(rules.nextAttemptFrom(LocalDate.of(2026, 4, 24))).isEqualTo(LocalDate.of(2026, 4, 29));
    }

    @Test
    void aMakeUpSaturdayCounts() {
        // Saturday 26 Apr 2025 was worked in exchange for Friday 2 May: failed Thursday 24 → Fri 25 (1), Sat 26 (2)
        assertThat(rules.nextAttemptFrom(LocalDate.of(2025, 4, 24))).isEqualTo(LocalDate.of(2025, 4, 26));
    }

    @Test
    void anItemIsHeldForWorkingDaysAndMayGoBackOnlyAfterThem() {
        // held from Wed 29 Apr 2026: 30 Apr and 1 May are holidays, then Mon 4 … Fri 8 May
        LocalDate until = rules.heldUntil(LocalDate.of(2026, 4, 29));
        assertThat(until).isEqualTo(LocalDate.of(2026, 5, 8));
        assertThat(rules.mayReturnHeld(LocalDate.of(2026, 5, 8), until)).isFalse();
        assertThat(rules.mayReturnHeld(LocalDate.of(2026, 5, 11), until)).isTrue();
    }

    @Test
    void aFailedAttemptLeadsToAnotherThenToTheCounter() {
        assertThat(rules.afterFailure(1, FailureReason.NOT_AT_HOME, FailureAction.RETRY)
                        .status())
                .isEqualTo(DossierStatus.DELIVERY_FAILED);
        assertThat(rules.afterFailure(2, FailureReason.NOT_AT_HOME, FailureAction.RETRY)
                        .status())
                .isEqualTo(DossierStatus.HELD_AT_OFFICE);
        assertThat(rules.afterFailure(1, FailureReason.WRONG_ADDRESS, FailureAction.HOLD_AT_OFFICE)
                        .status())
                .isEqualTo(DossierStatus.HELD_AT_OFFICE);
        assertThat(rules.afterFailure(1, FailureReason.REFUSED, FailureAction.RETURN)
                        .status())
                .isEqualTo(DossierStatus.RETURNED_TO_AGENCY);
    }

    @Test
    void aResultGoesBackWithoutAnInvitationOnlyWhenRefused() {
        assertThatThrownBy(() -> rules.afterFailure(1, FailureReason.NOT_AT_HOME, FailureAction.RETURN))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("HOLD_AT_OFFICE");
        assertThatThrownBy(() -> rules.afterFailure(2, FailureReason.MOVED, FailureAction.RETURN))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theApplicantShowsTheirOwnNumberAndAProxyTheAuthorisation() {
        assertThat(DeliveryRules.identityProblem(false, "CCCD", " 001190123456 ", IdType.CCCD, "001190123456", null))
                .isNull();
        assertThat(DeliveryRules.identityProblem(false, "CCCD", "001190123457", IdType.CCCD, "001190123456", null)
                        .field())
                .isEqualTo("idNumber");
        assertThat(DeliveryRules.identityProblem(false, "CCCD", null, IdType.CCCD, "001190123456", null)
                        .field())
                .isEqualTo("idNumber");
        assertThat(DeliveryRules.identityProblem(true, "CCCD", "079088001122", IdType.CCCD, "001190123456", " ")
                        .field())
                .isEqualTo("proxyAuthorisation");
        assertThat(DeliveryRules.identityProblem(
                        true, "CCCD", "079088001122", IdType.CCCD, "001190123456", "UQ-2026/115"))
                .isNull();
        assertThat(DeliveryRules.identityProblem(
                        true, "PASSPORT", "B1234567", IdType.CCCD, "001190123456", "UQ-2026/115"))
                .isNull();
    }

    @Test
    void theApplicantShowsTheDocumentTypeTheyFiledWithAndAnOrganisationSendsAProxy() {
        assertThat(DeliveryRules.identityProblem(false, "PASSPORT", "c1234567", IdType.PASSPORT, "C1234567", null))
                .isNull();
        assertThat(DeliveryRules.identityProblem(false, "CCCD", "001190123456", IdType.PASSPORT, "C1234567", null)
                        .field())
                .isEqualTo("idDocumentType");
        assertThat(DeliveryRules.identityProblem(false, "CCCD", "001190123456", IdType.TAX_CODE, "0100109106", null)
                        .field())
                .isEqualTo("relation");
        assertThat(DeliveryRules.identityProblem(
                        true, "CCCD", "001190123456", IdType.TAX_CODE, "0100109106", "GUQ 12/2026"))
                .isNull();
    }

    @Test
    void onlyTheLastFourCharactersAreKept() {
        assertThat(DeliveryRules.lastFour(" 001190123456")).isEqualTo("3456");
        assertThat(DeliveryRules.lastFour("B1234567")).isEqualTo("4567");
    }

    @Test
    void zeroDaysOrAttemptsAreRefused() {
        assertThatThrownBy(() -> new DeliveryRules(Calendars.of2025And2026(), 0, 2, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
