package org.jpasskeys.credential.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jpasskeys.state.SqlTransactions;

/**
 * {@link SqlTransactions} on the module's datasource, through the persistence unit: a new JTA transaction per
 * call, also inside a caller's transaction, and usable on any thread.
 */
@ApplicationScoped
public class JpaSqlTransactions implements SqlTransactions {

    @PersistenceContext(unitName = "jpasskeys")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }
}
