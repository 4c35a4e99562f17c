package org.jpasskeys.credential.jpa;

import java.util.Locale;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.jpasskeys.credential.DuplicateException;

/** Turns a unique-index violation at flush into a {@link DuplicateException}; the index is the final guard. */
final class UniqueViolations {

    private UniqueViolations() {
    }

    static void flush(EntityManager em) {
        try {
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
