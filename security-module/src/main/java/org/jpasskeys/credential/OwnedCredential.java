package org.jpasskeys.credential;

import java.util.Objects;

import org.jpasskeys.revocation.AccountStanding;

/**
 * A passkey with the account that holds it and that account's standing: what a sign-in reads before it verifies.
 *
 * @param credential the passkey as stored
 * @param owner      the account it belongs to
 * @param standing   whether that account may sign in, and its session epoch
 */
public record OwnedCredential(StoredCredential credential, UserAccount owner, AccountStanding standing) {

    public OwnedCredential {
        Objects.requireNonNull(credential);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(standing);
    }
}
