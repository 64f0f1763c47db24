package vn.dossierpost.auth;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The one rule for wrong passwords, applied to each subject they are counted for (a username as
 * typed, known or not, so the answer says nothing about which usernames exist; and a client
 * address): {@code maxFailures} of them lock the subject for {@code lockout} (the last of them
 * already answers "wait"). A count whose last failure is older than {@code lockout} starts again;
 * a right password resets the username's count (not the client's: one account of one's own must
 * not buy more guesses at others').
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

    /** Failures before this are forgotten: the count starts again. */
    public OffsetDateTime forgetBefore(OffsetDateTime now) {
        return now.minus(lockout);
    }

    /** Whole seconds until the lock ends, at least one (the value of Retry-After). */
    public static long retryAfterSeconds(OffsetDateTime until, OffsetDateTime now) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
