package vn.dossierpost.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A token bucket per client ({@link TrustedProxies} says which client a request is): {@code burst}
 * requests at once, refilled at {@code perMinute}. The buckets are in this node's memory (buckets of
 * idle clients dropped so the map stays bounded), or shared by every node when they are kept in
 * PostgreSQL ({@link #shared}): behind a load balancer a client would otherwise get one budget per node.
 */
public final class RateLimiter {
    private final int perMinute;
    private final Predicate<String> take;
    private final TrustedProxies proxies;

    /** Buckets in this node's memory. */
    public RateLimiter(int perMinute, int burst, TrustedProxies proxies) {
        this(perMinute, new MemoryBuckets(perMinute, burst)::take, proxies);
    }

    private RateLimiter(int perMinute, Predicate<String> take, TrustedProxies proxies) {
        this.perMinute = perMinute;
        this.take = take;
        this.proxies = proxies;
    }

    /** Buckets kept elsewhere: {@code take} takes one request from the client's bucket, false when it is empty. */
    public static RateLimiter shared(int perMinute, Predicate<String> take, TrustedProxies proxies) {
        return new RateLimiter(perMinute, take, proxies);
    }

    /** True if the request's client may go ahead now. */
    public boolean tryAcquire(HttpServletRequest request) {
        return take.test(proxies.clientOf(request));
    }

    /** Seconds until the next request would be allowed, for Retry-After. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(60.0 / perMinute));
    }

    private static final class MemoryBuckets {
        private final double capacity;
        private final double refillPerNano;
        private final Cache<String, Bucket> buckets;

        MemoryBuckets(int perMinute, int burst) {
            this.capacity = burst;
            this.refillPerNano = perMinute / 60e9;
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(100_000)
                    .expireAfterAccess(Duration.ofMinutes(10))
                    .build();
        }

        boolean take(String client) {
            return buckets.get(client, k -> new Bucket(capacity)).take(capacity, refillPerNano, System.nanoTime());
        }
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
