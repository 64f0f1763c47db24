package vn.dossierpost.service;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed send again: exponential backoff from {@code initial}, capped at {@code max},
 * with "equal jitter" (half the delay fixed, half random) so that many handovers failing together
 * do not all come back at the same moment; and until when: past {@code maxAge} the work becomes a
 * dead letter for a person to look at.
 */
public record RetryPolicy(Duration initial, Duration max, Duration maxAge) {

    /** The delay before attempt {@code failedAttempts + 1}; {@code random} gives values in [0, 1). */
    public Duration delayAfter(int failedAttempts, DoubleSupplier random) {
        long cap = Math.max(0, max.toMillis());
        long base = Math.max(0, Math.min(initial.toMillis(), cap));
        int doublings = Math.max(0, failedAttempts - 1);
        long delay;
        if (base == 0) {
            delay = 0;
        } else if (doublings >= Long.numberOfLeadingZeros(base)) {
            // base << doublings would not fit in a long, so it is past any cap: no shift, no overflow
            delay = cap;
        } else {
            delay = Math.min(base << doublings, cap);
        }
        long half = delay / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (delay - half)));
    }

    public boolean givenUp(Duration age) {
        return age.compareTo(maxAge) > 0;
    }
}
