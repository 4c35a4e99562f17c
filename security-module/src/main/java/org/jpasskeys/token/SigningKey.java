package org.jpasskeys.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Objects;

import org.jose4j.jwk.RsaJsonWebKey;

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

    /** The key pair of a PKCS#8 RSA private key, named by its thumbprint. */
    public static SigningKey fromPkcs8(byte[] der) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new SigningKey(thumbprint(publicKey), privateKey, publicKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key", e);
        }
    }

    /** A new RSA private key of {@value #MIN_BITS} bits, PKCS#8-encoded. */
    public static byte[] generatePkcs8() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_BITS);
            return generator.generateKeyPair().getPrivate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA in this JVM", e);
        }
    }

    static String thumbprint(RSAPublicKey publicKey) {
        return new RsaJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
    }
}
