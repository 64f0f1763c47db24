package vn.dossierpost.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    /** the largest value below 1 that a random source in [0, 1) can give */
    static final double ALMOST_ONE = Math.nextDown(1.0);

    static final DoubleSupplier LOWEST = () -> 0.0;
    static final DoubleSupplier HIGHEST = () -> ALMOST_ONE;

    final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(24));

    /** the delay before jitter: the first, doubled per further failure, at most the largest */
    static long full(RetryPolicy p, int failedAttempts) {
        return p.delayAfter(failedAttempts, HIGHEST).toMillis();
    }

    @Test
    void delaysDoubleFromTheFirstUpToTheLargest() {
        long[] expected = {
            1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000
        };
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            long delay = expected[attempt - 1];
            assertThat(policy.delayAfter(attempt, HIGHEST).toMillis())
                    .as("attempt %d, highest", attempt)
                    .isBetween(delay - 1, delay);
            assertThat(policy.delayAfter(attempt, LOWEST).toMillis())
                    .as("attempt %d, lowest", attempt)
                    .isEqualTo(delay / 2);
        }
    }

    @Test
    void theFirstRetryWaitsTheFirstDelayEvenForZeroOrNegativeCounts() {
        assertThat(full(policy, 1)).isBetween(999L, 1_000L);
        assertThat(full(policy, 0)).isBetween(999L, 1_000L);
        assertThat(full(policy, -5)).isBetween(999L, 1_000L);
    }

    @Test
    void jitterKeepsEveryDelayBetweenHalfAndAllOfIt() {
        SplittableRandom random = new SplittableRandom(20261122);
        for (int attempt = 1; attempt <= 40; attempt++) {
            long delay = Math.min(1_000L << Math.min(attempt - 1, 20), 300_000);
            long smallest = Long.MAX_VALUE;
            long largest = 0;
            for (int i = 0; i < 200; i++) {
                long d = policy.delayAfter(attempt, random::nextDouble).toMillis();
                assertThat(d).as("attempt %d", attempt).isBetween(delay / 2, delay);
                smallest = Math.min(smallest, d);
                largest = Math.max(largest, d);
            }
            // spread over the range, not one fixed value
            assertThat(largest - smallest).as("attempt %d", attempt).isGreaterThan(delay / 4);
        }
    }

    @Test
    void hugeAttemptCountsStayAtTheLargestWithoutOverflow() {
        for (int attempt : new int[] {31, 32, 40, 41, 62, 63, 64, 65, 100, 1_000_000, Integer.MAX_VALUE}) {
            assertThat(policy.delayAfter(attempt, HIGHEST).toMillis())
                    .as("attempt %d", attempt)
                    .isBetween(299_999L, 300_000L);
            assertThat(policy.delayAfter(attempt, LOWEST).toMillis())
                    .as("attempt %d", attempt)
                    .isEqualTo(150_000L);
        }
        // a first delay whose doublings would pass Long.MAX_VALUE quickly
        RetryPolicy big =
                new RetryPolicy(Duration.ofDays(365), Duration.ofDays(365 * 1000), Duration.ofDays(365 * 2000));
        long year = Duration.ofDays(365).toMillis();
        assertThat(full(big, 2)).isBetween(2 * year - 1, 2 * year);
        for (int attempt : new int[] {10, 11, 30, 40, 62, 63, 64, Integer.MAX_VALUE}) {
            long d = full(big, attempt);
            assertThat(d).as("attempt %d", attempt).isPositive().isLessThanOrEqualTo(1000 * year);
        }
        assertThat(full(big, Integer.MAX_VALUE)).isBetween(1000 * year - 1, 1000 * year);
    }

    @Test
    void aLargestFarAboveTheFirstIsStillReachedByDoubling() {
        // 1 ms doubled 50 times is about 35,700 years: every doubling on the way counts
        RetryPolicy wide = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1L << 50), Duration.ofDays(1));
        for (int attempt = 1; attempt <= 51; attempt++) {
            long delay = 1L << (attempt - 1);
            assertThat(full(wide, attempt)).as("attempt %d", attempt).isBetween(delay - 1, delay);
        }
        assertThat(full(wide, 52)).isBetween((1L << 50) - 1, 1L << 50);
        assertThat(full(wide, Integer.MAX_VALUE)).isBetween((1L << 50) - 1, 1L << 50);
    }

    @Test
    void aFirstDelayAboveTheLargestIsCapped() {
        RetryPolicy odd = new RetryPolicy(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(1));
        assertThat(full(odd, 1)).isBetween(59_999L, 60_000L);
        assertThat(full(odd, 5)).isBetween(59_999L, 60_000L);
        assertThat(odd.delayAfter(1, LOWEST)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givesUpOnlyPastTheMaximumAge() {
        assertThat(policy.givenUp(Duration.ZERO)).isFalse();
        assertThat(policy.givenUp(Duration.ofHours(23).plusMinutes(59))).isFalse();
        assertThat(policy.givenUp(Duration.ofHours(24))).isFalse();
        assertThat(policy.givenUp(Duration.ofHours(24).plusMillis(1))).isTrue();
        assertThat(policy.givenUp(Duration.ofDays(400))).isTrue();
    }
}
