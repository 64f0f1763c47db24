package vn.dossierpost.service;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.RateLimitDAO;

/**
 * Per-client limits that hold across every node behind a load balancer (config
 * {@code tracking.sharedLimits}): the token buckets are rows in PostgreSQL ({@link RateLimitDAO}), one
 * statement per request. Buckets idle long enough to be full again are deleted now and then by the
 * node that happens to be counting, which keeps the table as small as the clients of the last minutes.
 */
public final class SharedRateLimits {
    /** One request in this many also sweeps the idle buckets. */
    private static final long SWEEP_EVERY = 10_000;

    private final Jdbi jdbi;
    private final AtomicLong takes = new AtomicLong();

    public SharedRateLimits(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Takes one request from the client's bucket named {@code bucket}; false when it is empty. */
    public Predicate<String> bucket(String bucket, int perMinute, int burst) {
        double perSecond = perMinute / 60.0;
        double fullAfterSeconds = burst / perSecond;
        return client -> {
            if (takes.incrementAndGet() % SWEEP_EVERY == 0) {
                jdbi.useExtension(RateLimitDAO.class, dao -> dao.forgetFull(bucket, fullAfterSeconds));
            }
            return jdbi.withExtension(RateLimitDAO.class, dao -> dao.take(bucket, client, burst, perSecond)) == 1;
        };
    }
}
