package vn.dossierpost.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * A token bucket per client key (the caller's address): {@code burst} requests at once, refilled at
 * {@code perMinute}. Buckets of idle clients are dropped so the map stays bounded.
 */
public final class RateLimiter {
    private final double capacity;
    private final double refillPerNano;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(int perMinute, int burst) {
        this.capacity = burst;
        this.refillPerNano = perMinute / 60e9;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    /** True if the client may go ahead now. */
    public boolean tryAcquire(String client) {
        return buckets.get(client, k -> new Bucket(capacity)).take(capacity, refillPerNano, System.nanoTime());
    }

    /** Seconds until the next request would be allowed, for Retry-After. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / (refillPerNano * 1e9)));
    }

    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized boolean take(double capacity, double refillPerNano, long now) {
            tokens = Math.min(capacity, tokens + (now - last) * refillPerNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
