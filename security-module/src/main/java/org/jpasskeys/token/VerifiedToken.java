package org.jpasskeys.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The claims of an access token whose signature, issuer, audience, type and lifetime were checked.
 *
 * @param subject   who it speaks for and how they signed in
 * @param issuedAt  {@code iat}
 * @param expiresAt {@code exp}
 */
public record VerifiedToken(TokenSubject subject, Instant issuedAt, Instant expiresAt) {

    public VerifiedToken {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(issuedAt);
        Objects.requireNonNull(expiresAt);
    }

    public List<String> amr() {
        return subject.amr();
    }
}
