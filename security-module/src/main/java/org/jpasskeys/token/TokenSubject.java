package org.jpasskeys.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jpasskeys.revocation.SignIn;

/**
 * Who a token speaks for, and how they signed in.
 *
 * @param signIn      the sign-in the token was issued for: {@code sub} (the account), {@code session_epoch} (the
 *                    account's epoch then), {@code sid} (ended by that sign-in's sign-out), {@code passkey_id}
 *                    (ended when that passkey is deleted) and {@code auth_time} (when the person authenticated)
 * @param username    {@code preferred_username}
 * @param displayName {@code name}
 * @param acr         {@code acr}: the assurance level reached, e.g. {@code aal2}
 * @param amr         {@code amr}: RFC 8176 authentication method references
 * @param groups      {@code groups} (RFC 9068 §2.2.3.1): the caller's groups at sign-in
 */
public record TokenSubject(SignIn signIn, String username, String displayName, String acr, List<String> amr,
                           Set<String> groups) {

    /** The private claim that carries the account's session epoch at sign-in. */
    public static final String SESSION_EPOCH_CLAIM = "session_epoch";
    /** The private claim that carries the id of the passkey that signed in, when one did. */
    public static final String PASSKEY_CLAIM = "passkey_id";

    public TokenSubject {
        Objects.requireNonNull(signIn);
        Objects.requireNonNull(username);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(acr);
        amr = List.copyOf(amr);
        groups = Set.copyOf(groups);
    }

    /** {@code auth_time}: when the person authenticated. */
    public Instant authTime() {
        return signIn.at();
    }

    /** {@code sub}: the account. */
    public String userId() {
        return signIn.userId();
    }
}
