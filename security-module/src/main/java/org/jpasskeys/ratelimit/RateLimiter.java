package org.jpasskeys.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * A token bucket (Bucket4j) per key, e.g. per client address: at most {@code perMinute} requests a minute,
 * refilled greedily. Buckets live in a bounded Caffeine cache, so a flood of distinct keys cannot exhaust
 * memory; a key evicted under such a flood starts again with a full bucket.
 */
public final class RateLimiter {

    /** The most keys tracked at once. */
    public static final long MAX_KEYS = 100_000;

    private final String policy;
    private final int perMinute;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(String policy, int perMinute, TimeMeter time) {
        this.policy = policy;
        this.perMinute = perMinute;
        this.time = time;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    /** Takes one request from {@code key}'s bucket, if it has one left. */
    public RateLimitDecision tryAcquire(String key) {
        ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        long secondsToWait = probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L)
                / 1_000_000_000L);
        return new RateLimitDecision(policy, probe.isConsumed(), perMinute, probe.getRemainingTokens(), secondsToWait);
    }

    /** How many keys are tracked now (approximate). */
    public long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time)
                .build();
    }
}
