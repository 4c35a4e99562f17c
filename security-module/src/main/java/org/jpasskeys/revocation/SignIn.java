package org.jpasskeys.revocation;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One sign-in as revocation judges it, carried by its session and by every token issued for it: the account, the
 * account's session epoch then, the sign-in's own random id (a token's {@code sid}), the passkey that made it, and
 * when.
 *
 * @param userId       the account
 * @param sessionEpoch the account's session epoch at sign-in ({@link AccountStanding#sessionEpoch()})
 * @param id           this sign-in's id: signing out ends it, and the tokens that carry it
 * @param passkeyId    the base64url id of the passkey that signed in, or null after another method: deleting that
 *                     passkey ends the sign-in
 * @param at           when the person authenticated (a token's {@code auth_time})
 */
public record SignIn(String userId, long sessionEpoch, String id, String passkeyId, Instant at)
        implements Serializable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = 16;

    public SignIn {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(id);
        Objects.requireNonNull(at);
    }

    /** A new sign-in of the account, with an id of its own. */
    public static SignIn start(String userId, long sessionEpoch, Optional<String> passkeyId, Instant at) {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return new SignIn(userId, sessionEpoch, Base64.getUrlEncoder().withoutPadding().encodeToString(id),
                passkeyId.orElse(null), at);
    }

    /** The passkey that made this sign-in, if a passkey did. */
    public Optional<String> passkey() {
        return Optional.ofNullable(passkeyId);
    }
}
