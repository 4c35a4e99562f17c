package org.jpasskeys.token;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * An RSA key pair that signs access tokens.
 *
 * @param keyId      the {@code kid}: the RFC 7638 thumbprint of the public key
 * @param privateKey signs
 * @param publicKey  verifies; published in the JWKS
 */
public record SigningKey(String keyId, RSAPrivateKey privateKey, RSAPublicKey publicKey) {

    /** The smallest modulus accepted for signing keys. */
    public static final int MIN_BITS = 2048;

    public SigningKey {
        Objects.requireNonNull(keyId);
        Objects.requireNonNull(privateKey);
        Objects.requireNonNull(publicKey);
        if (publicKey.getModulus().bitLength() < MIN_BITS) {
            throw new IllegalArgumentException("token signing keys need at least " + MIN_BITS + " bits");
        }
    }
}
