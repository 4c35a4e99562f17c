package org.jpasskeys.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link OneTimeValues} in the shared database ({@code passkeys.state.store=database}), table
 * {@code jp_one_time_value}. A take is one DELETE that returns the row it removed ({@code DELETE ... RETURNING}
 * on PostgreSQL, {@code SELECT ... FROM OLD TABLE (DELETE ...)} on H2): the database lets one DELETE remove a
 * row, so of concurrent takes on any nodes exactly one gets it. Each call commits on its own, so that a take
 * holds even when the sign-in that made it fails afterwards. The table is bounded like the local store: past
 * {@code passkeys.challenge.max-pending} rows the ones closest to expiry go first ({@link TableBound}).
 */
public final class DatabaseOneTimeValues implements OneTimeValues {

    private static final String INSERT = "INSERT INTO jp_one_time_value (id, stored_value, expires_at) VALUES (?, ?, ?)";
    private static final String TAKE_POSTGRESQL =
            "DELETE FROM jp_one_time_value WHERE id = ? RETURNING stored_value, expires_at";
    private static final String TAKE_STANDARD =
            "SELECT stored_value, expires_at FROM OLD TABLE (DELETE FROM jp_one_time_value WHERE id = ?)";

    private final SqlTransactions transactions;
    private final TableBound bound;
    private final Clock clock;
    private volatile String takeStatement;

    public DatabaseOneTimeValues(SqlTransactions transactions, long maxEntries, Clock clock) {
        this.transactions = transactions;
        this.bound = new TableBound("jp_one_time_value", maxEntries, clock);
        this.clock = clock;
    }

    @Override
    public void put(String key, String value, Instant expiresAt) {
        transactions.inNewTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.setTimestamp(3, Timestamp.from(expiresAt));
                insert.executeUpdate();
            }
            bound.afterWrite(connection);
            return null;
        });
    }

    @Override
    public Optional<String> take(String key) {
        return transactions.inNewTransaction(connection -> {
            try (PreparedStatement take = connection.prepareStatement(takeStatement(connection))) {
                take.setString(1, key);
                try (ResultSet removed = take.executeQuery()) {
                    return removed.next()
                            ? new StoredValue(removed.getString(1), removed.getTimestamp(2).toInstant()).at(clock.instant())
                            : Optional.<String>empty();
                }
            }
        });
    }

    private String takeStatement(Connection connection) throws SQLException {
        if (takeStatement == null) {
            takeStatement = SqlDialect.of(connection) == SqlDialect.POSTGRESQL ? TAKE_POSTGRESQL : TAKE_STANDARD;
        }
        return takeStatement;
    }
}
