package vn.dossierpost.auth;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Wrong passwords in a row for one username: {@code maxFailures} of them lock it for {@code lockout}
 * (the last of them already answers "wait"); a right password resets the count. Counted per username
 * as typed, known or not, so the answer says nothing about which usernames exist.
 */
public record SignInThrottle(int maxFailures, Duration lockout) {

    public SignInThrottle {
        if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("at least one attempt and a positive lockout");
        }
    }

    /** Whether this many wrong passwords in a row lock the username. */
    public boolean locks(int failuresInARow) {
        return failuresInARow >= maxFailures;
    }

    public OffsetDateTime lockedUntil(OffsetDateTime now) {
        return now.plus(lockout);
    }

    /** Whole seconds until the lock ends, at least one (the value of Retry-After). */
    public static long retryAfterSeconds(OffsetDateTime until, OffsetDateTime now) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
