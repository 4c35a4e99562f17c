package org.jpasskeys.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the token signing keys live.
 *
 * @param kind             {@code passkeys.token.key-store}: {@code file} ({@code passkeys.token.key-location}) or
 *                         {@code database} (shared by every node)
 * @param encryptionSecret {@code passkeys.token.key-encryption-secret}: seals the private keys in the database
 * @param refreshInterval  {@code passkeys.token.key-refresh-interval}: how often a node re-reads the keys in the
 *                         database; a rotated key signs two intervals after its creation
 */
public record TokenKeyStoreConfig(Kind kind, Optional<String> encryptionSecret, Duration refreshInterval) {

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
        Objects.requireNonNull(refreshInterval, "passkeys.token.key-refresh-interval");
        if (refreshInterval.compareTo(Duration.ofSeconds(1)) < 0 || refreshInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("passkeys.token.key-refresh-interval must be between PT1S and PT1H");
        }
    }

    public static TokenKeyStoreConfig file() {
        return new TokenKeyStoreConfig(Kind.FILE, Optional.empty(), Duration.ofMinutes(1));
    }

    @Override
    public String toString() {
        return "TokenKeyStoreConfig[kind=" + kind + ", encryptionSecret=" + (encryptionSecret.isPresent() ? "***" : "none")
                + ", refreshInterval=" + refreshInterval + "]";
    }
}
