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

    public AuditEvent {
        Objects.requireNonNull(occurredAt);
        Objects.requireNonNull(type);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(credentialId);
        Objects.requireNonNull(clientAddress);
        detail = detail.length() <= 512 ? detail : detail.substring(0, 512);
    }
}
