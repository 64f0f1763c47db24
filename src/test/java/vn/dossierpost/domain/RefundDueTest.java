package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefundDueTest {
    private static final long AT_COUNTER = 256_000; // postage 56,000 + government fee 200,000
    private static final long FEE = 200_000;

    @Test
    void aWithdrawnDossierGetsBackEverythingTakenAtTheCounter() {
        RefundDue due = RefundDue.of(true, false, false, AT_COUNTER, FEE);
        assertThat(due.allowed()).isTrue();
        assertThat(due.amount()).isEqualTo(AT_COUNTER);
    }

    @Test
    void aRefusedDossierGetsBackTheGovernmentFeeOnlyWhereTheProcedureSaysSo() {
        RefundDue due = RefundDue.of(false, true, true, AT_COUNTER, FEE);
        assertThat(due.allowed()).isTrue();
        assertThat(due.amount()).as("the postage was spent carrying it").isEqualTo(FEE);

        RefundDue kept = RefundDue.of(false, true, false, AT_COUNTER, FEE);
        assertThat(kept.allowed()).isFalse();
        assertThat(kept.refusedBecause()).contains("not refunded when the agency refuses");
    }

    @Test
    void nothingGoesBackForADossierNeitherWithdrawnNorRefusedOrWithNothingToReturn() {
        assertThat(RefundDue.of(false, false, true, AT_COUNTER, FEE).refusedBecause())
                .contains("withdrawn before its handover, or refused");
        assertThat(RefundDue.of(false, true, true, 56_000, 0).refusedBecause()).contains("no government fee");
        assertThat(RefundDue.of(true, false, false, 0, 0).refusedBecause()).contains("nothing was taken");
    }
}
