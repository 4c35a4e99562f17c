package org.jpasskeys.audit;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

/** Audit events in {@code jp_audit_event}; written in batches, each in a transaction of its own. */
@ApplicationScoped
public class AuditEventStore {

    @PersistenceContext(unitName = "jpasskeys")
    EntityManager em;

    /** One JDBC batch in one transaction; the database numbers the rows (no generated keys come back). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void saveAll(List<AuditEvent> events) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jp_audit_event "
                    + "(occurred_at, type, user_id, credential_id, client_address, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (AuditEvent event : events) {
                    AuditEventEntity row = AuditEventEntity.from(event);
                    insert.setObject(1, OffsetDateTime.ofInstant(row.occurredAt, ZoneOffset.UTC));
                    insert.setString(2, row.type);
                    insert.setString(3, row.userId);
                    insert.setString(4, row.credentialId);
                    insert.setString(5, row.clientAddress);
                    insert.setString(6, row.detail);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Newest first, filtered by whatever {@code query} names. */
    @Transactional
    public List<AuditEvent> find(AuditQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEventEntity e WHERE e.occurredAt >= :from "
                + "AND e.occurredAt < :to");
        query.userId().ifPresent(u -> jpql.append(" AND e.userId = :user"));
        query.type().ifPresent(t -> jpql.append(" AND e.type = :type"));
        jpql.append(" ORDER BY e.occurredAt DESC, e.id DESC");
        TypedQuery<AuditEventEntity> select = em.createQuery(jpql.toString(), AuditEventEntity.class)
                .setParameter("from", query.from())
                .setParameter("to", query.to())
                .setFirstResult(query.page() * query.size())
                .setMaxResults(query.size());
        query.userId().ifPresent(u -> select.setParameter("user", u));
        query.type().ifPresent(t -> select.setParameter("type", t.name()));
        return select.getResultStream().map(AuditEventEntity::toEvent).toList();
    }

    @Transactional
    public int deleteOlderThan(Instant cutoff) {
        return em.createQuery("DELETE FROM AuditEventEntity e WHERE e.occurredAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
