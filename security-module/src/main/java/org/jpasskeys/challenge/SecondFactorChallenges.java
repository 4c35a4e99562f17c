package org.jpasskeys.challenge;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.jpasskeys.state.OneTimeValues;


/**
 * {@code mfaChallenge} tokens: after a first-factor sign-in (e.g. a password) the application asks for one
 * with {@link #issue}, and the browser trades it at {@code generate-authentication-from-challenge} for
 * passkey options of that account. A token is random, short-lived and redeemed at most once.
 */
public final class SecondFactorChallenges {

    static final String PREFIX = "mfa:";

    private final OneTimeValues pending;
    private final ChallengeGenerator generator;
    private final Duration ttl;
    private final Clock clock;

    /** @param pending where tokens wait: this node's, or shared by the cluster ({@code passkeys.state.store}) */
    public SecondFactorChallenges(OneTimeValues pending, Duration ttl, ChallengeGenerator generator, Clock clock) {
        this.pending = pending;
        this.ttl = ttl;
        this.generator = generator;
        this.clock = clock;
    }

    /** A new token for the account that passed the first factor. */
    public String issue(String userId) {
        String token = generator.newChallenge();
        pending.put(PREFIX + token, Objects.requireNonNull(userId), clock.instant().plus(ttl));
        return token;
    }

    /** The account the token was issued for, if it is still pending; the token is used up either way. */
    public Optional<String> redeem(String token) {
        return pending.take(PREFIX + token);
    }
}
