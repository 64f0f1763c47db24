package vn.dossierpost.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import org.junit.jupiter.api.Test;

class GuardedHealthCheckTest {
    @Test
    void aCheckThatFailsToRunSaysSoWithoutTheExceptionsText() {
        HealthCheck.Result result = new GuardedHealthCheck() {
            @Override
            protected Result checkOrThrow() {
                throw new IllegalStateException("ERROR: duplicate key (citizen_id)=(001190123456) at 10.0.3.7");
            }
        }.execute();
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getError()).isNull();
        assertThat(result.getMessage()).contains("IllegalStateException").doesNotContain("001190123456", "10.0.3.7");
    }
}
