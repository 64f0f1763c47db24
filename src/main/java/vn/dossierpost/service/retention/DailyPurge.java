package vn.dossierpost.service.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention purge as a daily job: run at a fixed local time, once a day. A failed run (the
 * database away) is logged and does not stop the next day's.
 */
public final class DailyPurge implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DailyPurge.class);

    private final RetentionPurge purge;

    public DailyPurge(RetentionPurge purge) {
        this.purge = purge;
    }

    @Override
    public void run() {
        try {
            purge.purge();
        } catch (RuntimeException e) {
            LOG.error("the daily retention purge failed; it runs again tomorrow", e);
        }
    }

    /** How long from now until the next {@code at} on the clock's local time (today's if still ahead, else tomorrow's). */
    public static Duration untilNext(Clock clock, LocalTime at) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = now.with(at).withNano(0);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now, next);
    }
}
