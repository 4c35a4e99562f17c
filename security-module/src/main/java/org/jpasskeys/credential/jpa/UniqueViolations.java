package org.jpasskeys.credential.jpa;

import java.util.Locale;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.jpasskeys.credential.DuplicateException;

/**
 * Turns a unique-index violation into a {@link DuplicateException}; the index is the final guard against
 * concurrent registrations. IDENTITY keys make {@code persist} insert at once, so both steps are guarded.
 */
final class UniqueViolations {

    private UniqueViolations() {
    }

    static void persistAndFlush(EntityManager em, Object entity) {
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            throw duplicateOrRethrow(e);
        }
    }

    private static RuntimeException duplicateOrRethrow(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                String constraint = violation.getConstraintName().toLowerCase(Locale.ROOT);
                if (constraint.contains("uk_credential_id")) {
                    return new DuplicateException(DuplicateException.Kind.CREDENTIAL_ID);
                }
                if (constraint.contains("uk_user_username")) {
                    return new DuplicateException(DuplicateException.Kind.USERNAME);
                }
            }
        }
        return e;
    }
}
