package org.jpasskeys.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jpasskeys.testing.ManualTimeMeter;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final ManualTimeMeter time = ManualTimeMeter.monotonic();
    private final LocalBuckets buckets = new LocalBuckets(time);
    private final RateLimiter limiter = new RateLimiter("per-address", 10, buckets);

    @Test
    void tenRequestsAMinutePassAndTheEleventhWaits() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("192.0.2.1").allowed()).isTrue();
        }
        RateLimitDecision refused = limiter.tryAcquire("192.0.2.1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 6L);
        assertThat(refused.policyHeader()).isEqualTo("\"per-address\";q=10;w=60");
        assertThat(refused.limitHeader()).startsWith("\"per-address\";r=0;t=");
        assertThat(limiter.tryAcquire("192.0.2.2").allowed()).as("other keys are not affected").isTrue();
    }

    @Test
    void theBucketRefillsOverTheMinute() {
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("192.0.2.1");
        }
        time.advance(Duration.ofSeconds(60));

        assertThat(limiter.tryAcquire("192.0.2.1").allowed()).isTrue();
    }

    @Test
    void aFloodOfDistinctAddressesStaysBounded() {
        for (int i = 0; i < 250_000; i++) {
            limiter.tryAcquire("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }

        assertThat(buckets.trackedKeys()).isLessThanOrEqualTo(LocalBuckets.MAX_KEYS);
    }
}
