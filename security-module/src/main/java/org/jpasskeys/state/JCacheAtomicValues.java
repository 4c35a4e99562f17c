package org.jpasskeys.state;

import java.time.Instant;
import java.util.Optional;

import javax.cache.Cache;

/**
 * {@link AtomicValues} in a JSR-107 cache: {@code putIfAbsent} and {@code replace(key, expected, value)} are the
 * standard's atomic operations, which Hazelcast runs on the key's owner. Values are strings, which every member
 * compares and reads without the application's classes. Entries expire by the cache's own policy (kept after each
 * write for longer than a bucket takes to refill), not by {@code expiresAt}: JSR-107 has no expiry per put.
 */
public final class JCacheAtomicValues implements AtomicValues {

    private final Cache<String, String> cache;

    public JCacheAtomicValues(Cache<String, String> cache) {
        this.cache = cache;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(cache.get(key));
    }

    @Override
    public boolean create(String key, String value, Instant expiresAt) {
        return cache.putIfAbsent(key, value);
    }

    @Override
    public boolean replace(String key, String expected, String value, Instant expiresAt) {
        return cache.replace(key, expected, value);
    }
}
