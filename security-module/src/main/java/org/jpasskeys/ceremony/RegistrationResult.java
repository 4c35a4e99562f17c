package org.jpasskeys.ceremony;

import java.util.Objects;

import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.credential.UserAccount;

/**
 * A completed registration: the passkey is stored.
 *
 * @param user       the account that holds it (created by this ceremony on sign-up)
 * @param credential the stored passkey
 * @param newAccount whether this ceremony created the account (sign-up) rather than adding to it
 */
public record RegistrationResult(UserAccount user, StoredCredential credential, boolean newAccount) {

    public RegistrationResult {
        Objects.requireNonNull(user);
        Objects.requireNonNull(credential);
    }
}
