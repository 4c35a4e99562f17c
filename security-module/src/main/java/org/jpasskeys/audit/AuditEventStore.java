package org.jpasskeys.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/** Audit events in {@code jp_audit_event}; each saved in a transaction of its own. */
@ApplicationScoped
public class AuditEventStore {

    @PersistenceContext(unitName = "jpasskeys")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(AuditEvent event) {
        em.persist(AuditEventEntity.from(event));
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
