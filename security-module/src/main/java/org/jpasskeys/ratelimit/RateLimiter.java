package org.jpasskeys.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket (Bucket4j) per key, e.g. per client address: at most {@code perMinute} requests a minute,
 * refilled greedily, in this JVM or across the cluster ({@link Buckets}).
 */
public final class RateLimiter {

    private final String policy;
    private final int perMinute;
    private final BucketConfiguration configuration;
    private final Buckets buckets;

    public RateLimiter(String policy, int perMinute, Buckets buckets) {
        this.policy = policy;
        this.perMinute = perMinute;
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
        this.buckets = buckets;
    }

    /** Takes one request from {@code key}'s bucket, if it has one left. */
    public RateLimitDecision tryAcquire(String key) {
        ConsumptionProbe probe;
        try {
            // The policy names the bucket too: the limiters share one store.
            probe = buckets.of(policy + " " + key, configuration).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            if (!contended(e)) {
                throw e;
            }
            // A shared bucket that others keep changing before this node can: refused, as the flood it is.
            return new RateLimitDecision(policy, false, perMinute, 0, 1);
        }
        long secondsToWait = probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L)
                / 1_000_000_000L);
        return new RateLimitDecision(policy, probe.isConsumed(), perMinute, probe.getRemainingTokens(), secondsToWait);
    }

    /** Bucket4j gave up swapping; a request batched with others gets that wrapped in the batch's failure. */
    private static boolean contended(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketExceptions.BucketExecutionException) {
                return true;
            }
        }
        return false;
    }
}
