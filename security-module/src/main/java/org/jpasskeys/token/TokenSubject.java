package org.jpasskeys.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who a token speaks for, and how they signed in.
 *
 * @param userId   {@code sub}
 * @param username {@code preferred_username}
 * @param authTime {@code auth_time}: when the person authenticated
 * @param acr      {@code acr}: the assurance level reached, e.g. {@code aal2}
 * @param amr      {@code amr}: RFC 8176 authentication method references
 * @param groups   {@code groups} (RFC 9068 §2.2.3.1): the caller's groups at sign-in
 * @param sessionEpoch {@code session_epoch}: the account's session epoch at sign-in, so that revocation voids it
 */
public record TokenSubject(String userId, String username, Instant authTime, String acr, List<String> amr,
                           Set<String> groups, long sessionEpoch) {

    /** The private claim that carries {@link #sessionEpoch()}. */
    public static final String SESSION_EPOCH_CLAIM = "session_epoch";

    public TokenSubject {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(username);
        Objects.requireNonNull(authTime);
        Objects.requireNonNull(acr);
        amr = List.copyOf(amr);
        groups = Set.copyOf(groups);
    }
}
