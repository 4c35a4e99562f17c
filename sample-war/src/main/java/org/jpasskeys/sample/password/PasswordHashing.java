package org.jpasskeys.sample.password;

import java.util.Map;

/** The one PBKDF2 setting of the sample, for hashing at sign-up and for the identity store. */
final class PasswordHashing {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512; a stored hash names its own parameters, so raising it is safe. */
    static final String ITERATIONS = "210000";
    static final String ALGORITHM = "PBKDF2WithHmacSHA512";

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
            "Pbkdf2PasswordHash.Iterations", ITERATIONS,
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    private PasswordHashing() {
    }
}
