package org.jpasskeys.ceremony;

import java.time.Instant;
import java.util.Objects;

import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.credential.UserAccount;

/**
 * A verified sign-in: the signature matched the stored key of a credential that belongs to the
 * account named by the user handle, the user was verified, the account may sign in and the counter update was
 * stored.
 *
 * @param user            the signed-in account
 * @param credential      the passkey used, as it was before this sign-in
 * @param signCount       the counter now stored
 * @param authenticatedAt when the sign-in was verified
 * @param sessionEpoch    the account's session epoch when it was read for this sign-in, for its session and token
 */
public record AssertionResult(UserAccount user, StoredCredential credential, long signCount,
                              Instant authenticatedAt, long sessionEpoch) {

    public AssertionResult {
        Objects.requireNonNull(user);
        Objects.requireNonNull(credential);
        Objects.requireNonNull(authenticatedAt);
    }
}
