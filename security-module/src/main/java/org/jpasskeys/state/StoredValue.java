package org.jpasskeys.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A value with the instant it stops counting, as the stores keep it. */
record StoredValue(String value, Instant expiresAt) {

    StoredValue {
        Objects.requireNonNull(value);
        Objects.requireNonNull(expiresAt);
    }

    /** The value, unless it expired by {@code now} (a store may hold an entry a little past its expiry). */
    Optional<String> at(Instant now) {
        return now.isBefore(expiresAt) ? Optional.of(value) : Optional.empty();
    }

    /** {@code <epoch millis> <value>}: one string, for stores that keep strings. */
    String encode() {
        return expiresAt.toEpochMilli() + " " + value;
    }

    static StoredValue decode(String encoded) {
        int space = encoded.indexOf(' ');
        return new StoredValue(encoded.substring(space + 1),
                Instant.ofEpochMilli(Long.parseLong(encoded.substring(0, space))));
    }
}
