package org.jpasskeys.state;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import javax.cache.Cache;

/**
 * {@link OneTimeValues} in a JSR-107 cache ({@code passkeys.state.store=jcache}), e.g. Payara's Hazelcast grid:
 * {@code getAndRemove} is one operation on the key's owner (Hazelcast runs it on the partition thread of the
 * key), so of concurrent takes on any nodes exactly one gets the value. Entries hold only strings, which every
 * member can read without the application's classes.
 */
public final class JCacheOneTimeValues implements OneTimeValues {

    private final Cache<String, String> cache;
    private final Clock clock;

    /** @param cache a cache whose entries expire after the time to live (created by {@link JCacheStores}) */
    public JCacheOneTimeValues(Cache<String, String> cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public void put(String key, String value, Instant expiresAt) {
        cache.put(key, new StoredValue(value, expiresAt).encode());
    }

    @Override
    public Optional<String> take(String key) {
        return Optional.ofNullable(cache.getAndRemove(key)).map(StoredValue::decode)
                .flatMap(stored -> stored.at(clock.instant()));
    }
}
