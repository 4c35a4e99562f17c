package org.jpasskeys.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a signing key for the database ({@code passkeys.token.key-store=database}) with a secret from
 * configuration: AES-256-GCM under a key derived by PBKDF2-HMAC-SHA256 from the secret and a random salt, the
 * key id as associated data (a sealed key cannot be passed off under another id). Sealed form:
 * salt (16) | nonce (12) | ciphertext and tag.
 */
public final class PrivateKeyEncryption {

    private static final int SALT = 16;
    private static final int NONCE = 12;
    private static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] secret;

    /** @param secret {@code passkeys.token.key-encryption-secret}, checked by the configuration */
    public PrivateKeyEncryption(String secret) {
        this.secret = secret.toCharArray();
    }

    public byte[] seal(byte[] privateKey, String keyId) {
        byte[] salt = random(SALT);
        byte[] nonce = random(NONCE);
        try {
            Cipher aes = cipher(Cipher.ENCRYPT_MODE, salt, nonce, keyId);
            byte[] sealed = aes.doFinal(privateKey);
            return ByteBuffer.allocate(SALT + NONCE + sealed.length).put(salt).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws IllegalArgumentException when this secret did not seal it (or it was altered)
     */
    public byte[] open(byte[] sealed, String keyId) {
        ByteBuffer in = ByteBuffer.wrap(sealed);
        byte[] salt = new byte[SALT];
        byte[] nonce = new byte[NONCE];
        in.get(salt).get(nonce);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        try {
            return cipher(Cipher.DECRYPT_MODE, salt, nonce, keyId).doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the secret does not open this key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * A 256-bit secret for another use (named by {@code purpose}), derived with the same PBKDF2 work as the sealing
     * keys, so that what it protects does not make guessing the secret any cheaper.
     */
    public byte[] derive(String purpose) {
        try {
            return stretch(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }

    private byte[] stretch(byte[] salt) throws GeneralSecurityException {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(secret, salt, ITERATIONS, 256)).getEncoded();
    }

    private Cipher cipher(int mode, byte[] salt, byte[] nonce, String keyId) throws GeneralSecurityException {
        byte[] key = stretch(salt);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        aes.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return aes;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
