package org.jpasskeys.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a table of expiring rows (columns {@code id} and {@code expires_at}) small without a scheduler: one write
 * in {@value #CHECK_EVERY} of a node also removes the expired rows and, past {@code maxRows}, the ones closest to
 * expiry.
 */
final class TableBound {

    static final int CHECK_EVERY = 256;

    private final String purge;
    private final String count;
    private final String evict;
    private final long maxRows;
    private final Clock clock;
    private final AtomicLong writes = new AtomicLong();

    /** @param table one of the module's own tables (a constant, never input) */
    TableBound(String table, long maxRows, Clock clock) {
        this.purge = "DELETE FROM " + table + " WHERE expires_at < ?";
        this.count = "SELECT COUNT(*) FROM " + table;
        this.evict = "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table + " ORDER BY expires_at LIMIT ?)";
        this.maxRows = maxRows;
        this.clock = clock;
    }

    /** Called in the transaction of each write. */
    void afterWrite(Connection connection) throws SQLException {
        if (writes.incrementAndGet() % CHECK_EVERY != 0) {
            return;
        }
        try (PreparedStatement expired = connection.prepareStatement(purge)) {
            expired.setTimestamp(1, Timestamp.from(clock.instant()));
            expired.executeUpdate();
        }
        long excess;
        try (PreparedStatement rows = connection.prepareStatement(count); ResultSet counted = rows.executeQuery()) {
            counted.next();
            excess = counted.getLong(1) - maxRows;
        }
        if (excess > 0) {
            try (PreparedStatement oldest = connection.prepareStatement(evict)) {
                oldest.setLong(1, excess);
                oldest.executeUpdate();
            }
        }
    }
}
