package org.jpasskeys.revocation;

import java.time.Instant;

/** Where accounts' standing is kept: the shared database, so that every node reads the same. */
public interface AccountStandingStore {

    /** The account's standing; {@link AccountStanding#GONE} for an unknown account. */
    AccountStanding find(String userId);

    /**
     * Disables or re-enables the account. Disabling also voids its sessions and tokens from before {@code at}.
     *
     * @return false when there is no such account
     */
    boolean setDisabled(String userId, boolean disabled, Instant at);

    /**
     * Voids the account's sessions and tokens from before {@code at}.
     *
     * @return false when there is no such account
     */
    boolean signOut(String userId, Instant at);
}
