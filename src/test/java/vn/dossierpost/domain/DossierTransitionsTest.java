package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dossierpost.domain.DossierStatus.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DossierTransitionsTest {

    /** The table as specified, written out independently of the production table. */
    private static final Map<DossierStatus, Set<DossierStatus>> EXPECTED = new EnumMap<>(DossierStatus.class);

    static {
        EXPECTED.put(RECEIVED, EnumSet.of(DIGITISED, WITHDRAWN));
        EXPECTED.put(DIGITISED, EnumSet.of(IN_TRANSIT_TO_AGENCY, WITHDRAWN));
        EXPECTED.put(IN_TRANSIT_TO_AGENCY, EnumSet.of(DELIVERED_TO_AGENCY, DIGITISED));
        EXPECTED.put(DELIVERED_TO_AGENCY, EnumSet.of(IN_PROCESSING, SUPPLEMENT_REQUESTED, REFUSED, RESULT_READY));
        EXPECTED.put(IN_PROCESSING, EnumSet.of(SUPPLEMENT_REQUESTED, REFUSED, RESULT_READY));
        EXPECTED.put(SUPPLEMENT_REQUESTED, EnumSet.of(IN_TRANSIT_TO_AGENCY, WITHDRAWN));
        EXPECTED.put(REFUSED, EnumSet.of(RESULT_COLLECTED));
        EXPECTED.put(AWAITING_RESULT, EnumSet.of(RESULT_READY, WITHDRAWN));
        EXPECTED.put(RESULT_READY, EnumSet.of(RESULT_COLLECTED));
        EXPECTED.put(RESULT_COLLECTED, EnumSet.of(OUT_FOR_DELIVERY, HELD_AT_OFFICE));
        EXPECTED.put(OUT_FOR_DELIVERY, EnumSet.of(DELIVERED, DELIVERY_FAILED));
        EXPECTED.put(DELIVERY_FAILED, EnumSet.of(OUT_FOR_DELIVERY, HELD_AT_OFFICE, RETURNED_TO_AGENCY));
        EXPECTED.put(HELD_AT_OFFICE, EnumSet.of(DELIVERED, RETURNED_TO_AGENCY));
        EXPECTED.put(DELIVERED, EnumSet.noneOf(DossierStatus.class));
        EXPECTED.put(RETURNED_TO_AGENCY, EnumSet.noneOf(DossierStatus.class));
        EXPECTED.put(WITHDRAWN, EnumSet.noneOf(DossierStatus.class));
    }

    @Test
    void everyStatusIsInTheTable() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(DossierStatus.values());
    }

    @Test
    void everyPairOfTheTableIsAllowedAndNoOther() {
        for (DossierStatus from : DossierStatus.values()) {
            assertThat(from.allowedNext()).as("allowed after %s", from).isEqualTo(EXPECTED.get(from));
            for (DossierStatus to : DossierStatus.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertThat(from.canMoveTo(to)).as("%s → %s", from, to).isEqualTo(expected);
                if (expected) {
                    assertThatCode(() -> DossierTransitions.check(from, to)).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> DossierTransitions.check(from, to))
                            .isInstanceOf(IllegalTransitionException.class);
                }
            }
        }
    }

    @Test
    void illegalMoveFromATerminalStatusSaysNothingIsAllowed() {
        assertThatThrownBy(() -> DossierTransitions.check(WITHDRAWN, DIGITISED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("dossier is WITHDRAWN; WITHDRAWN → DIGITISED is not allowed; allowed next: none");
    }

    @Test
    void illegalMoveListsWhatIsAllowed() {
        IllegalTransitionException e = (IllegalTransitionException) org.assertj.core.api.Assertions.catchThrowable(
                () -> DossierTransitions.check(RECEIVED, DELIVERED_TO_AGENCY));

        assertThat(e.from()).isEqualTo(RECEIVED);
        assertThat(e.to()).isEqualTo(DELIVERED_TO_AGENCY);
        assertThat(e.allowed()).containsExactly(DIGITISED, WITHDRAWN);
        assertThat(e)
                .hasMessage(
                        "dossier is RECEIVED; RECEIVED → DELIVERED_TO_AGENCY is not allowed; allowed next: DIGITISED, WITHDRAWN");
    }

    @Test
    void moreIllegalMoves() {
        assertThatThrownBy(() -> DossierTransitions.check(DELIVERED, OUT_FOR_DELIVERY))
                .hasMessageContaining("allowed next: none");
        assertThatThrownBy(() -> DossierTransitions.check(IN_PROCESSING, WITHDRAWN))
                .hasMessageEndingWith("allowed next: SUPPLEMENT_REQUESTED, REFUSED, RESULT_READY");
        assertThatThrownBy(() -> DossierTransitions.check(RESULT_READY, DELIVERED))
                .hasMessageEndingWith("allowed next: RESULT_COLLECTED");
        assertThat(RECEIVED.canMoveTo(RECEIVED)).isFalse();
    }

    @Test
    void terminalStatuses() {
        assertThat(EnumSet.allOf(DossierStatus.class).stream().filter(DossierStatus::terminal))
                .containsExactlyInAnyOrder(DELIVERED, RETURNED_TO_AGENCY, WITHDRAWN);
    }

    @Test
    void allowedNextCannotBeModified() {
        assertThatThrownBy(() -> RECEIVED.allowedNext().add(DELIVERED))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void initialStatusDependsOnTheServiceForm() {
        assertThat(DossierTransitions.initialStatus(ServiceForm.SEND_ONLY)).isEqualTo(RECEIVED);
        assertThat(DossierTransitions.initialStatus(ServiceForm.SEND_AND_RETURN))
                .isEqualTo(RECEIVED);
        assertThat(DossierTransitions.initialStatus(ServiceForm.RETURN_ONLY)).isEqualTo(AWAITING_RESULT);
    }
}
