package org.jpasskeys.challenge;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The single-node {@link ChallengeStore}: a Caffeine cache with expire-after-write equal to the
 * challenge time to live and a size bound, so that a flood of options requests cannot exhaust memory.
 */
public final class CaffeineChallengeStore implements ChallengeStore {

    private final Cache<String, PendingChallenge> pending;
    private final Clock clock;

    public CaffeineChallengeStore(Duration ttl, long maxPending, Clock clock) {
        this.clock = clock;
        this.pending = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxPending)
                .ticker(() -> nanosSinceEpoch(clock))
                .executor(Runnable::run) // upkeep on the caller: two writes per sign-in, no hand-off to a pool
                .build();
    }

    @Override
    public void put(PendingChallenge challenge) {
        pending.put(challenge.challenge(), challenge);
    }

    @Override
    public Optional<PendingChallenge> take(String challenge) {
        // asMap().remove is atomic; the expiry check covers entries Caffeine has not evicted yet.
        return Optional.ofNullable(pending.asMap().remove(challenge))
                .filter(taken -> !taken.isExpiredAt(clock.instant()));
    }

    @Override
    public long pendingCount() {
        pending.cleanUp();
        return pending.estimatedSize();
    }

    // Expiry follows the injected clock, so tests can step over the TTL boundary exactly.
    private static long nanosSinceEpoch(Clock clock) {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
