package org.jpasskeys.revocation;

import java.time.Instant;
import java.util.Optional;

/**
 * Where accounts' standing is kept: the shared database, so that every node reads the same. Each change is
 * one transaction that also starts the account's next {@link AccountStanding#sessionEpoch() session epoch}
 * (except re-enabling), so that no request can see the change without the sign-out or the other way round.
 */
public interface AccountStandingStore {

    /** The account's standing; {@link AccountStanding#GONE} for an unknown account. */
    AccountStanding find(String userId);

    /**
     * Disables the account and ends its sessions and tokens, or re-enables it (its old sessions stay ended).
     *
     * @return false when there is no such account
     */
    boolean setDisabled(String userId, boolean disabled);

    /**
     * Ends the account's sessions and tokens.
     *
     * @return false when there is no such account
     */
    boolean signOut(String userId);

    /**
     * Removes one passkey of the account ({@code credentialId}) or all of them, and in the same transaction ends
     * its sessions and tokens when any was removed or all were asked for.
     *
     * @return how many passkeys were removed; -1 when there is no such account
     */
    int revokePasskeys(String userId, Optional<byte[]> credentialId);

    /**
     * What ended single sign-ins of the account at or after {@code since}: its sign-outs, and its deleted passkeys
     * (a passkey's deletion records it in the deletion's own transaction).
     */
    RevokedSignIns revokedSince(String userId, Instant since);

    /** Ends {@code signIn} (a sign-out) at {@code at}, and with it every token issued for it. */
    void endSignIn(SignIn signIn, Instant at);

    /** Forgets what ended before {@code cutoff}, when no token of those sign-ins can be valid any more. */
    void forgetRevokedBefore(Instant cutoff);
}
