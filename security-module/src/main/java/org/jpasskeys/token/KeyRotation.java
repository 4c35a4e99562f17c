package org.jpasskeys.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A new signing key.
 *
 * @param keyId     its {@code kid}, in every node's JWKS from the next refresh on
 * @param signsFrom when every node starts signing with it (the previous key is accepted until its tokens expire)
 */
public record KeyRotation(String keyId, Instant signsFrom) {

    public KeyRotation {
        Objects.requireNonNull(keyId);
        Objects.requireNonNull(signsFrom);
    }
}
