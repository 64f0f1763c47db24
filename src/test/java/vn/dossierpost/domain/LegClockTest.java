package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LegClockTest {
    static final LocalDate HANDOVER = LocalDate.of(2026, 11, 25);
    static final LocalDate RESULT = LocalDate.of(2026, 12, 4);
    static final LocalDate RETURN = LocalDate.of(2026, 12, 9);

    private static LegClock running(DossierStatus status, ServiceForm form) {
        return LegClock.running(status, form, HANDOVER, RESULT, RETURN).orElse(null);
    }

    @Test
    void eachLegHasItsHolderAndDueDate() {
        assertThat(running(DossierStatus.DIGITISED, ServiceForm.SEND_AND_RETURN))
                .isEqualTo(new LegClock(LegClock.Stage.TO_AGENCY, LegClock.Holder.POST, HANDOVER));
        assertThat(running(DossierStatus.IN_PROCESSING, ServiceForm.SEND_AND_RETURN))
                .isEqualTo(new LegClock(LegClock.Stage.AT_AGENCY, LegClock.Holder.AGENCY, RESULT));
        assertThat(running(DossierStatus.OUT_FOR_DELIVERY, ServiceForm.SEND_AND_RETURN))
                .isEqualTo(new LegClock(LegClock.Stage.TO_APPLICANT, LegClock.Holder.POST, RETURN));
        assertThat(running(DossierStatus.AWAITING_RESULT, ServiceForm.RETURN_ONLY)
                        .stage())
                .isEqualTo(LegClock.Stage.AT_AGENCY);
    }

    @Test
    void noClockRunsWhileTheApplicantOwesASupplementOrOnceTheJourneyIsOver() {
        assertThat(running(DossierStatus.SUPPLEMENT_REQUESTED, ServiceForm.SEND_AND_RETURN))
                .isNull();
        assertThat(LegClock.waitingFor(DossierStatus.SUPPLEMENT_REQUESTED)).contains(LegClock.Holder.APPLICANT);
        assertThat(running(DossierStatus.RESULT_READY, ServiceForm.SEND_ONLY))
                .as("no return leg")
                .isNull();
        assertThat(running(DossierStatus.DELIVERED, ServiceForm.SEND_AND_RETURN))
                .isNull();
        assertThat(running(DossierStatus.WITHDRAWN, ServiceForm.SEND_AND_RETURN))
                .isNull();
    }

    @Test
    void overdueTheDayAfterTheDueDate() {
        LegClock clock = running(DossierStatus.IN_PROCESSING, ServiceForm.SEND_AND_RETURN);
        assertThat(clock.overdue(RESULT)).isFalse();
        assertThat(clock.overdue(RESULT.plusDays(1))).isTrue();
    }

    @Test
    void everyStatusIsInAtMostOneStage() {
        for (DossierStatus s : DossierStatus.values()) {
            long stages = java.util.Arrays.stream(LegClock.Stage.values())
                    .filter(st -> st.statuses().contains(s))
                    .count();
            assertThat(stages).as(s.name()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void whoHeldTheDossierInEachStatusAndWhichStatusesFinishEachStage() {
        assertThat(LegClock.heldBy(DossierStatus.IN_TRANSIT_TO_AGENCY)).contains(LegClock.Holder.POST);
        assertThat(LegClock.heldBy(DossierStatus.IN_PROCESSING)).contains(LegClock.Holder.AGENCY);
        assertThat(LegClock.heldBy(DossierStatus.SUPPLEMENT_REQUESTED)).contains(LegClock.Holder.APPLICANT);
        assertThat(LegClock.heldBy(DossierStatus.HELD_AT_OFFICE)).contains(LegClock.Holder.POST);
        assertThat(LegClock.heldBy(DossierStatus.DELIVERED)).isEmpty();
        assertThat(LegClock.heldBy(DossierStatus.WITHDRAWN)).isEmpty();
        assertThat(LegClock.Stage.TO_AGENCY.endedBy()).containsExactly(DossierStatus.DELIVERED_TO_AGENCY);
        assertThat(LegClock.Stage.AT_AGENCY.endedBy())
                .containsExactlyInAnyOrder(DossierStatus.RESULT_READY, DossierStatus.REFUSED);
        assertThat(LegClock.Stage.TO_APPLICANT.endedBy()).containsExactly(DossierStatus.DELIVERED);
        // a stage is finished by leaving its own statuses, never by entering one of them
        for (LegClock.Stage stage : LegClock.Stage.values()) {
            assertThat(stage.endedBy()).as(stage.name()).doesNotContainAnyElementsOf(stage.statuses());
        }
    }
}
