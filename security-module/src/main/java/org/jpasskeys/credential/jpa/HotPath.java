package org.jpasskeys.credential.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;
import org.jpasskeys.state.SqlTransactions;

/**
 * Hot statements in plain JDBC: Hibernate's query machinery cost more than the database itself for these one-row
 * reads and the counter update (profile of the sample under load). Either on the connection and in the transaction
 * of a persistence context, whose pending entity changes are flushed first so that the statements see them; or on
 * the datasource itself, for a sign-in, which needs no transaction: its connection joins the caller's transaction
 * if there is one, and otherwise the work commits on its own.
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

    static <T> T run(DataSource dataSource, TransactionSynchronizationRegistry transactions,
                     SqlTransactions.Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            T result = work.run(connection);
            // Outside a transaction servers hand out autocommit connections by default; a pool set otherwise
            // would roll a counter update back when the connection is closed.
            if (!connection.getAutoCommit() && transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
                connection.commit();
            }
            return result;
        } catch (SQLException e) {
            throw new PersistenceException("jpasskeys: the database refused a statement", e);
        }
    }

    /** The one row {@code sql} (with {@code parameter}) selects, read by {@code row}, in the persistence context. */
    static <T> Optional<T> single(EntityManager em, String sql, String parameter, Row<T> row) {
        return run(em, select(sql, parameter, row));
    }

    /** The one row {@code sql} (with {@code parameter}) selects, read by {@code row}, on the datasource. */
    static <T> Optional<T> single(DataSource dataSource, TransactionSynchronizationRegistry transactions, String sql,
                                  String parameter, Row<T> row) {
        return run(dataSource, transactions, select(sql, parameter, row));
    }

    private static <T> SqlTransactions.Work<Optional<T>> select(String sql, String parameter, Row<T> row) {
        return connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, parameter);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
                }
            }
        };
    }

    /** Reads the current row of a result set. */
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    // Not getObject(column, OffsetDateTime.class): Payara's pool wraps that JDBC 4.1 method in a reflective call
    // that looked the method up again on every read (1.6 % of a sign-in's CPU).
    static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
