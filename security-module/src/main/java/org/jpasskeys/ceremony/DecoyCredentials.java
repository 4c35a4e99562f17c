package org.jpasskeys.ceremony;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stands in for the passkeys of a username that has none, so that username-first options do not tell
 * whether an account exists: the same shape and size as a real answer, and the same ids every time
 * for one username (HMAC-SHA256 under a server-side secret), on every node that shares the secret.
 */
public final class DecoyCredentials {

    private static final int ID_BYTES = 32;
    private static final Set<String> TRANSPORTS = Set.of("hybrid", "internal");

    private final SecretKeySpec key;

    public DecoyCredentials(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the decoy secret needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The allow-list shown for {@code username}, which has no passkeys. */
    List<PublicKeyCredentialDescriptor> allowCredentials(String username) {
        return List.of(new PublicKeyCredentialDescriptor(Arrays.copyOf(mac("credential", username), ID_BYTES),
                TRANSPORTS));
    }

    /** A user handle that belongs to no account, so that any answer to the decoy options fails. */
    byte[] userHandle(String username) {
        return mac("user-handle", username);
    }

    private byte[] mac(String purpose, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no HmacSHA256 in this JVM", e);
        }
    }
}
