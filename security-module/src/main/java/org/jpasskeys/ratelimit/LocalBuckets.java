package org.jpasskeys.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Buckets in this JVM ({@code passkeys.state.store=local}), in a bounded Caffeine cache, so a flood of distinct keys
 * cannot exhaust memory; a key evicted under such a flood starts again with a full bucket, as does one left
 * alone for longer than a bucket takes to refill.
 */
public final class LocalBuckets implements Buckets {

    /** The most keys tracked at once. */
    public static final long MAX_KEYS = 100_000;

    private final TimeMeter time;
    private final Cache<String, Bucket> buckets =
            Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(Duration.ofMinutes(2)).build();

    public LocalBuckets(TimeMeter time) {
        this.time = time;
    }

    @Override
    public Bucket of(String key, BucketConfiguration configuration) {
        return buckets.get(key, k -> {
            LocalBucketBuilder bucket = Bucket.builder().withCustomTimePrecision(time);
            for (Bandwidth limit : configuration.getBandwidths()) {
                bucket.addLimit(limit);
            }
            return bucket.build();
        });
    }

    /** How many keys are tracked now (approximate). */
    long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
