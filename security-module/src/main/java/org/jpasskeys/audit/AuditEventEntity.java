package org.jpasskeys.audit;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code jp_audit_event}. */
@Entity
@Table(name = "jp_audit_event")
class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(name = "type", nullable = false, length = 40)
    String type;

    @Column(name = "user_id", length = 32)
    String userId;

    @Column(name = "credential_id", length = 1400)
    String credentialId;

    @Column(name = "client_address", length = 64)
    String clientAddress;

    @Column(name = "detail", nullable = false, length = 512)
    String detail;

    static AuditEventEntity from(AuditEvent event) {
        AuditEventEntity entity = new AuditEventEntity();
        entity.occurredAt = event.occurredAt();
        entity.type = event.type().name();
        entity.userId = event.userId().orElse(null);
        entity.credentialId = event.credentialId().orElse(null);
        entity.clientAddress = event.clientAddress().map(a -> a.length() <= 64 ? a : a.substring(0, 64)).orElse(null);
        entity.detail = event.detail();
        return entity;
    }

    AuditEvent toEvent() {
        return new AuditEvent(occurredAt, AuditEventType.valueOf(type), Optional.ofNullable(userId),
                Optional.ofNullable(credentialId), Optional.ofNullable(clientAddress), detail);
    }
}
