package org.jpasskeys.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Small values shared by every node and changed only by compare-and-set, so that writers on several nodes never
 * lose each other's update: rate-limit buckets, whose arithmetic Bucket4j does between the read and the swap.
 */
public interface AtomicValues {

    /** The value under {@code key}, if any (it may be a little past its expiry). */
    Optional<String> get(String key);

    /** Stores {@code value} unless {@code key} holds one; false when another writer was first. */
    boolean create(String key, String value, Instant expiresAt);

    /** Replaces {@code expected} with {@code value}; false when {@code key} holds anything else, or nothing. */
    boolean replace(String key, String expected, String value, Instant expiresAt);
}
