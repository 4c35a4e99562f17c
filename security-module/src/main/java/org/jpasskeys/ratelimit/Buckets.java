package org.jpasskeys.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where rate-limit buckets live: in this JVM, or shared by every node of a cluster ({@code passkeys.state.store}). */
public interface Buckets {

    /** The bucket of {@code key}, made with {@code configuration} when it has none yet. */
    Bucket of(String key, BucketConfiguration configuration);
}
