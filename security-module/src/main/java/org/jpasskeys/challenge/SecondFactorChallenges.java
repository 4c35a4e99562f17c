package org.jpasskeys.challenge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * {@code mfaChallenge} tokens: after a first-factor sign-in (e.g. a password) the application asks for one
 * with {@link #issue}, and the browser trades it at {@code generate-authentication-from-challenge} for
 * passkey options of that account. A token is random, short-lived and redeemed at most once.
 */
public final class SecondFactorChallenges {

    private record Pending(String userId, Instant expiresAt) {
    }

    private final Cache<String, Pending> pending;
    private final ChallengeGenerator generator;
    private final Duration ttl;
    private final Clock clock;

    public SecondFactorChallenges(Duration ttl, long maxPending, ChallengeGenerator generator, Clock clock) {
        this.ttl = ttl;
        this.generator = generator;
        this.clock = clock;
        this.pending = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxPending).build();
    }

    /** A new token for the account that passed the first factor. */
    public String issue(String userId) {
        String token = generator.newChallenge();
        pending.put(token, new Pending(Objects.requireNonNull(userId), clock.instant().plus(ttl)));
        return token;
    }

    /** The account the token was issued for, if it is still pending; the token is used up either way. */
    public Optional<String> redeem(String token) {
        return Optional.ofNullable(pending.asMap().remove(token))
                .filter(p -> clock.instant().isBefore(p.expiresAt()))
                .map(Pending::userId);
    }
}
