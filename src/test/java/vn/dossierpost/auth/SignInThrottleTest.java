package vn.dossierpost.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 9, 0, 0, 0, ZoneOffset.ofHours(7));
    private final SignInThrottle throttle = new SignInThrottle(5, Duration.ofMinutes(5));

    @Test
    void theFifthWrongPasswordInARowLocks() {
        assertThat(throttle.locks(4)).isFalse();
        assertThat(throttle.locks(5)).isTrue();
        assertThat(throttle.lockedUntil(NOW)).isEqualTo(NOW.plusMinutes(5));
    }

    @Test
    void failuresOlderThanTheLockoutAreForgotten() {
        assertThat(throttle.forgetBefore(NOW)).isEqualTo(NOW.minusMinutes(5));
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        assertThat(SignInThrottle.retryAfterSeconds(NOW.plusMinutes(5), NOW)).isEqualTo(300);
        assertThat(SignInThrottle.retryAfterSeconds(NOW.plusNanos(1_500_000_000L), NOW))
                .isEqualTo(2);
        assertThat(SignInThrottle.retryAfterSeconds(NOW, NOW)).isEqualTo(1);
    }

    @Test
    void aThrottleThatNeverLetsAnyoneTryIsRefused() {
        assertThatThrownBy(() -> new SignInThrottle(0, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInThrottle(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
