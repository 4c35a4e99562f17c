package org.jpasskeys.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link AtomicValues} in the shared database ({@code passkeys.state.store=database}), table {@code jp_atomic_value}.
 * A replace is one conditional UPDATE ({@code WHERE id = ? AND atomic_value = ?}) and a create one INSERT on the
 * primary key: the database applies each to one writer only, so of concurrent writers on any nodes exactly one
 * succeeds and the others read again. Bounded like the one-time values ({@link TableBound}).
 */
public final class DatabaseAtomicValues implements AtomicValues {

    private static final String SELECT = "SELECT atomic_value FROM jp_atomic_value WHERE id = ?";
    private static final String INSERT_POSTGRESQL = "INSERT INTO jp_atomic_value (id, atomic_value, expires_at) "
            + "VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING";
    private static final String INSERT = "INSERT INTO jp_atomic_value (id, atomic_value, expires_at) VALUES (?, ?, ?)";
    private static final String REPLACE = "UPDATE jp_atomic_value SET atomic_value = ?, expires_at = ? "
            + "WHERE id = ? AND atomic_value = ?";
    private static final String UNIQUE_VIOLATION = "23505";

    private final SqlTransactions transactions;
    private final TableBound bound;
    private volatile SqlDialect dialect;

    public DatabaseAtomicValues(SqlTransactions transactions, long maxEntries, Clock clock) {
        this.transactions = transactions;
        this.bound = new TableBound("jp_atomic_value", maxEntries, clock);
    }

    @Override
    public Optional<String> get(String key) {
        return transactions.inNewTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public boolean create(String key, String value, Instant expiresAt) {
        return transactions.inNewTransaction(connection -> {
            // PostgreSQL aborts a transaction at its first error, so there the conflict must not be one.
            if (dialect == null) {
                dialect = SqlDialect.of(connection);
            }
            boolean postgresql = dialect == SqlDialect.POSTGRESQL;
            boolean created;
            try (PreparedStatement insert = connection.prepareStatement(postgresql ? INSERT_POSTGRESQL : INSERT)) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.setTimestamp(3, Timestamp.from(expiresAt));
                created = insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                created = false;
            }
            if (created) {
                bound.afterWrite(connection);
            }
            return created;
        });
    }

    @Override
    public boolean replace(String key, String expected, String value, Instant expiresAt) {
        return transactions.inNewTransaction(connection -> {
            try (PreparedStatement replace = connection.prepareStatement(REPLACE)) {
                replace.setString(1, value);
                replace.setTimestamp(2, Timestamp.from(expiresAt));
                replace.setString(3, key);
                replace.setString(4, expected);
                return replace.executeUpdate() == 1;
            }
        });
    }
}
