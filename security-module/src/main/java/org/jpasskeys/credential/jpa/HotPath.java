package org.jpasskeys.credential.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jpasskeys.state.SqlTransactions;

/**
 * The statements of a sign-in in plain JDBC, on the connection and in the transaction of the persistence context:
 * Hibernate's query machinery cost more than the database itself for these one-row reads and the counter update
 * (profile of the sample under load). Pending entity changes are flushed first, so the statements see them.
 */
final class HotPath {

    private HotPath() {
    }

    static <T> T run(EntityManager em, SqlTransactions.Work<T> work) {
        Session session = em.unwrap(Session.class);
        if (session.isDirty()) {
            session.flush();
        }
        return session.doReturningWork(work::run);
    }

    /** The one row {@code sql} (with {@code parameter}) selects, read by {@code row}. */
    static <T> Optional<T> single(EntityManager em, String sql, String parameter, Row<T> row) {
        return run(em, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, parameter);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Reads the current row of a result set. */
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
