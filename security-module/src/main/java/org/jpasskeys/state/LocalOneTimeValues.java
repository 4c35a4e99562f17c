package org.jpasskeys.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * {@link OneTimeValues} in this JVM ({@code passkeys.state.store=local}): a Caffeine cache bounded in size, whose
 * entries expire after the time to live; {@code asMap().remove} is atomic.
 */
public final class LocalOneTimeValues implements OneTimeValues {

    private final Cache<String, StoredValue> values;
    private final Clock clock;

    public LocalOneTimeValues(Duration ttl, long maxEntries, Clock clock) {
        this.clock = clock;
        this.values = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries)
                .executor(Runnable::run) // upkeep on the caller: two writes per sign-in, no hand-off to a pool
                .build();
    }

    @Override
    public void put(String key, String value, Instant expiresAt) {
        values.put(key, new StoredValue(value, expiresAt));
    }

    @Override
    public Optional<String> take(String key) {
        return Optional.ofNullable(values.asMap().remove(key)).flatMap(stored -> stored.at(clock.instant()));
    }
}
