package org.jpasskeys.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the token signing keys live.
 *
 * @param kind             {@code passkeys.token.key-store}: {@code file} ({@code passkeys.token.key-location}) or
 *                         {@code database} (shared by every node)
 * @param encryptionSecret {@code passkeys.token.key-encryption-secret}: seals the private keys in the database
 */
public record TokenKeyStoreConfig(Kind kind, Optional<String> encryptionSecret) {

    /** The shortest secret accepted. */
    public static final int MIN_SECRET_LENGTH = 32;

    public enum Kind {
        FILE, DATABASE;

        static Kind parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("use file or database", e);
            }
        }
    }

    public TokenKeyStoreConfig {
        Objects.requireNonNull(kind, "passkeys.token.key-store");
        Objects.requireNonNull(encryptionSecret);
        if (kind == Kind.DATABASE && encryptionSecret.filter(s -> s.length() >= MIN_SECRET_LENGTH).isEmpty()) {
            throw new IllegalArgumentException("passkeys.token.key-store=database needs "
                    + "passkeys.token.key-encryption-secret, at least " + MIN_SECRET_LENGTH + " characters");
        }
    }

    public static TokenKeyStoreConfig file() {
        return new TokenKeyStoreConfig(Kind.FILE, Optional.empty());
    }

    @Override
    public String toString() {
        return "TokenKeyStoreConfig[kind=" + kind + ", encryptionSecret=" + (encryptionSecret.isPresent() ? "***" : "none")
                + "]";
    }
}
