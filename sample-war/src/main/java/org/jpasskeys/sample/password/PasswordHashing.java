package org.jpasskeys.sample.password;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The one PBKDF2 setting of the sample, for hashing at sign-up and for the identity store. */
final class PasswordHashing {

    // OWASP's 2023 figure for PBKDF2-HMAC-SHA512; a stored hash names its own parameters, so raising it is safe.
    static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
    static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
    static final String SALT_BYTES = "Pbkdf2PasswordHash.SaltSizeBytes=32";
    static final String KEY_BYTES = "Pbkdf2PasswordHash.KeySizeBytes=64";

    /** The same settings as {@code Pbkdf2PasswordHash.initialize} takes them. */
    static final Map<String, String> PARAMETERS = Stream.of(ALGORITHM, ITERATIONS, SALT_BYTES, KEY_BYTES)
            .map(setting -> setting.split("=", 2))
            .collect(Collectors.toUnmodifiableMap(setting -> setting[0], setting -> setting[1]));

    private PasswordHashing() {
    }
}
