package org.jpasskeys.token;

import java.time.Instant;
import java.util.Objects;

/**
 * An issued access token.
 *
 * @param value     the compact JWS
 * @param issuedAt  {@code iat}
 * @param expiresAt {@code exp}
 */
public record AccessToken(String value, Instant issuedAt, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(value);
        Objects.requireNonNull(issuedAt);
        Objects.requireNonNull(expiresAt);
    }

    public long expiresInSeconds() {
        return expiresAt.getEpochSecond() - issuedAt.getEpochSecond();
    }
}
