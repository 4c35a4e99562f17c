package org.jpasskeys.credential.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

/**
 * Asks the module's database whether it answers and is migrated, through the persistence unit: health checks
 * run on the server's threads, where the application's {@code java:app} names may not resolve.
 */
@ApplicationScoped
@Transactional
public class DatabaseProbe {

    @PersistenceContext(unitName = "jpasskeys")
    EntityManager em;

    /**
     * @return whether the schema holds this version's newest changeset
     * @throws RuntimeException when the database does not answer within {@code timeoutSeconds}
     */
    public boolean schemaIsCurrent(int timeoutSeconds) {
        return em.unwrap(Session.class).doReturningWork(connection ->
                SchemaMigration.isCurrent(connection, timeoutSeconds));
    }
}
