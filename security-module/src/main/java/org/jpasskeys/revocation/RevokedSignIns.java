package org.jpasskeys.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What ended one account's single sign-ins lately: sign-outs (by sign-in id) and deleted passkeys (by credential
 * id, with when). Kept while a token of such a sign-in could still be valid.
 *
 * @param signInIds     the sign-ins signed out
 * @param passkeysGone  the passkeys deleted, with the instant of each deletion
 */
public record RevokedSignIns(Set<String> signInIds, Map<String, Instant> passkeysGone) {

    public static final RevokedSignIns NONE = new RevokedSignIns(Set.of(), Map.of());

    // How far the clocks of the deleting node and of the node of a sign-in may differ: a sign-in that far after
    // the deletion still counts as before it. A passkey registered again at once signs in a little later.
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    public RevokedSignIns {
        signInIds = Set.copyOf(signInIds);
        passkeysGone = Map.copyOf(passkeysGone);
    }

    /** Whether {@code signIn} was ended by its sign-out, or made by a passkey deleted after it. */
    boolean ended(SignIn signIn) {
        if (signInIds.contains(signIn.id())) {
            return true;
        }
        Instant deleted = signIn.passkeyId() == null ? null : passkeysGone.get(signIn.passkeyId());
        return deleted != null && !signIn.at().isAfter(deleted.plus(CLOCK_SKEW));
    }
}
