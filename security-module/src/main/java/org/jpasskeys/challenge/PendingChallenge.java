package org.jpasskeys.challenge;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A challenge that was issued and not yet answered, with everything it is bound to.
 *
 * @param challenge the challenge as the client echoes it: base64url of 32 random bytes, no padding
 * @param ceremony  the only ceremony it may complete
 * @param user      the account it is bound to, absent for a usernameless sign-in
 * @param origins   the origins the answer may come from
 * @param expiresAt the instant after which it is no longer accepted
 */
public record PendingChallenge(String challenge, CeremonyType ceremony, Optional<ChallengeUser> user,
                               Set<String> origins, Instant expiresAt) {

    public PendingChallenge {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(ceremony, "ceremony");
        Objects.requireNonNull(user, "user");
        origins = Set.copyOf(origins);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
