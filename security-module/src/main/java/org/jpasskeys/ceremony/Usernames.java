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
        if (normalized.codePoints().anyMatch(Usernames::invisibleOrUnassigned)) {
            throw CeremonyException.invalidRequest("username must not contain invisible, direction-changing or "
                    + "unassigned characters");
        }
        return normalized;
    }

    /**
     * What RFC 8265 (PRECIS UsernameCaseMapped) disallows and a person cannot see: format characters (zero-width
     * space and joiners, soft hyphen, word joiner, bidirectional controls, tags), the other default-ignorable code
     * points (variation selectors, Hangul fillers, the combining grapheme joiner), line and paragraph separators,
     * and unassigned, private-use and surrogate code points. With any of them, two names would look the same.
     */
    static boolean invisibleOrUnassigned(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> codePoint == 0x034F || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x17B4
                    || codePoint == 0x17B5 || (codePoint >= 0x180B && codePoint <= 0x180F) || codePoint == 0x3164
                    || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || codePoint == 0xFFA0
                    || (codePoint >= 0xE0000 && codePoint <= 0xE0FFF);
        };
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
