package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.domain.AgencyEventRules.Outcome.APPLY;
import static vn.dossierpost.domain.AgencyEventRules.Outcome.CONFLICT;
import static vn.dossierpost.domain.AgencyEventRules.Outcome.STALE;

import org.junit.jupiter.api.Test;

class AgencyEventRulesTest {

    private static AgencyEventRules.Decision decide(DossierStatus current, AgencyEventType event) {
        return AgencyEventRules.decide(current, event, false);
    }

    @Test
    void theNormalCourseApplies() {
        assertThat(decide(DossierStatus.IN_TRANSIT_TO_AGENCY, AgencyEventType.RECEIVED))
                .isEqualTo(new AgencyEventRules.Decision(APPLY, DossierStatus.DELIVERED_TO_AGENCY, null));
        assertThat(decide(DossierStatus.DELIVERED_TO_AGENCY, AgencyEventType.IN_PROCESSING)
                        .to())
                .isEqualTo(DossierStatus.IN_PROCESSING);
        assertThat(decide(DossierStatus.IN_PROCESSING, AgencyEventType.SUPPLEMENT_REQUESTED)
                        .to())
                .isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
        assertThat(decide(DossierStatus.IN_PROCESSING, AgencyEventType.REFUSED).to())
                .isEqualTo(DossierStatus.REFUSED);
        assertThat(decide(DossierStatus.DELIVERED_TO_AGENCY, AgencyEventType.RESULT_READY)
                        .to())
                .isEqualTo(DossierStatus.RESULT_READY);
        assertThat(decide(DossierStatus.AWAITING_RESULT, AgencyEventType.RESULT_READY)
                        .to())
                .isEqualTo(DossierStatus.RESULT_READY);
        assertThat(decide(DossierStatus.IN_PROCESSING, AgencyEventType.DELAYED))
                .isEqualTo(new AgencyEventRules.Decision(APPLY, null, null));
    }

    @Test
    void lateAndRepeatedEventsNeverMoveTheDossierBack() {
        assertThat(decide(DossierStatus.RESULT_READY, AgencyEventType.IN_PROCESSING)
                        .outcome())
                .isEqualTo(STALE);
        assertThat(decide(DossierStatus.IN_PROCESSING, AgencyEventType.RECEIVED).outcome())
                .isEqualTo(STALE);
        assertThat(decide(DossierStatus.RESULT_READY, AgencyEventType.RESULT_READY)
                        .outcome())
                .isEqualTo(STALE);
        assertThat(decide(DossierStatus.RESULT_READY, AgencyEventType.SUPPLEMENT_REQUESTED)
                        .outcome())
                .isEqualTo(STALE);
        assertThat(decide(DossierStatus.OUT_FOR_DELIVERY, AgencyEventType.RESULT_READY)
                        .outcome())
                .isEqualTo(STALE);
        assertThat(decide(DossierStatus.SUPPLEMENT_REQUESTED, AgencyEventType.IN_PROCESSING)
                        .outcome())
                .isEqualTo(STALE);
    }

    @Test
    void eventsThatContradictTheDossierAreConflicts() {
        assertThat(decide(DossierStatus.IN_TRANSIT_TO_AGENCY, AgencyEventType.RESULT_READY)
                        .outcome())
                .as("never acknowledged by the agency")
                .isEqualTo(CONFLICT);
        assertThat(decide(DossierStatus.RESULT_READY, AgencyEventType.REFUSED).outcome())
                .isEqualTo(CONFLICT);
        assertThat(decide(DossierStatus.REFUSED, AgencyEventType.RESULT_READY).outcome())
                .isEqualTo(CONFLICT);
        assertThat(decide(DossierStatus.SUPPLEMENT_REQUESTED, AgencyEventType.RESULT_READY)
                        .outcome())
                .as("the supplement has not come back yet")
                .isEqualTo(CONFLICT);
        assertThat(decide(DossierStatus.WITHDRAWN, AgencyEventType.RECEIVED).outcome())
                .isEqualTo(CONFLICT);
        assertThat(decide(DossierStatus.RESULT_READY, AgencyEventType.DELAYED).outcome())
                .isEqualTo(CONFLICT);
    }

    @Test
    void onlyOneRescheduling() {
        AgencyEventRules.Decision second =
                AgencyEventRules.decide(DossierStatus.IN_PROCESSING, AgencyEventType.DELAYED, true);
        assertThat(second.outcome()).isEqualTo(CONFLICT);
        assertThat(second.reason()).contains("only one rescheduling");
    }
}
