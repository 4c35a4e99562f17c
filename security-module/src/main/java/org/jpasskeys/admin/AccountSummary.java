package org.jpasskeys.admin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jpasskeys.credential.UserAccount;

/**
 * An account as administrators see it.
 *
 * @param account         the account
 * @param disabled        whether an administrator disabled it
 * @param credentialCount how many passkeys it holds
 * @param lastSignInAt    its latest passkey sign-in, if any
 */
public record AccountSummary(UserAccount account, boolean disabled, long credentialCount,
                             Optional<Instant> lastSignInAt) {

    public AccountSummary {
        Objects.requireNonNull(account);
        Objects.requireNonNull(lastSignInAt);
    }
}
