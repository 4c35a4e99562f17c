package org.jpasskeys.ceremony;

import java.text.Normalizer;
import java.util.Locale;

/** The rules for the names a person types. */
public final class Usernames {

    static final int MAX_LENGTH = 64;

    private Usernames() {
    }

    /** NFKC, trimmed and lower-cased, so that look-alike spellings name one account. */
    public static String normalize(String username) {
        if (username == null) {
            throw CeremonyException.invalidRequest("username is required");
        }
        String normalized = Normalizer.normalize(username, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        requirePrintable(normalized, "username");
        return normalized;
    }

    /** A display or passkey name: trimmed, printable, not too long; {@code fallback} when blank. */
    static String displayName(String name, String fallback, String field) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        requirePrintable(stripped, field);
        return stripped;
    }

    private static void requirePrintable(String value, String field) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw CeremonyException.invalidRequest(field + " must have 1 to " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw CeremonyException.invalidRequest(field + " must not contain control characters");
        }
    }
}
