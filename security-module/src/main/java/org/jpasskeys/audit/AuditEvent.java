package org.jpasskeys.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the audit log. {@code detail} may name what the HTTP answer hides (unknown credential,
 * counter regression), so the log is for administrators only.
 *
 * @param occurredAt    when it happened
 * @param type          what happened
 * @param userId        the account concerned, if known
 * @param credentialId  the passkey concerned (base64url), if any
 * @param clientAddress the client's address, if known
 * @param detail        the specific reason or circumstance
 */
public record AuditEvent(Instant occurredAt, AuditEventType type, Optional<String> userId,
                         Optional<String> credentialId, Optional<String> clientAddress, String detail) {

    /** The longest values the {@code jp_audit_event} columns hold. */
    static final int MAX_USER_ID = 32;
    static final int MAX_CREDENTIAL_ID = 1400;
    static final int MAX_CLIENT_ADDRESS = 64;
    static final int MAX_DETAIL = 512;

    /**
     * Values may come from requests (a path, a header): control characters become U+FFFD, so that no value can
     * forge a line of the log, and each is cut to its column, so that no event fails the batch it is written in.
     */
    public AuditEvent {
        Objects.requireNonNull(occurredAt);
        Objects.requireNonNull(type);
        userId = userId.map(value -> clean(value, MAX_USER_ID));
        credentialId = credentialId.map(value -> clean(value, MAX_CREDENTIAL_ID));
        clientAddress = clientAddress.map(value -> clean(value, MAX_CLIENT_ADDRESS));
        detail = clean(detail, MAX_DETAIL);
    }

    private static String clean(String value, int maxLength) {
        if (value.length() <= maxLength && value.chars().noneMatch(Character::isISOControl)) {
            return value;
        }
        String cut = value.length() <= maxLength ? value : value.substring(0, maxLength);
        StringBuilder cleaned = new StringBuilder(cut.length());
        cut.chars().forEach(c -> cleaned.append(Character.isISOControl(c) ? '\uFFFD' : (char) c));
        return cleaned.toString();
    }
}
