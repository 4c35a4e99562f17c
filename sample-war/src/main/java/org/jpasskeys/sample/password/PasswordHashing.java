package org.jpasskeys.sample.password;

import java.util.Map;

/** The one PBKDF2 setting of the sample, for hashing at sign-up and for the identity store. */
final class PasswordHashing {

    /**
     * What {@code Pbkdf2PasswordHash.initialize} takes: OWASP's 2023 figure for PBKDF2-HMAC-SHA512. A stored
     * hash names its own parameters, so raising them is safe.
     */
    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    private PasswordHashing() {
    }
}
