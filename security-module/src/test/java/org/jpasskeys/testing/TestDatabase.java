package org.jpasskeys.testing;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.jdbcx.JdbcDataSource;
import org.jpasskeys.credential.jpa.SchemaMigration;
import org.jpasskeys.state.SqlTransactions;

/** An in-memory H2 database migrated by the module's changelog, with each unit of work in its own transaction. */
public final class TestDatabase {

    public static final JdbcDataSource DATABASE = new JdbcDataSource();

    static {
        DATABASE.setURL("jdbc:h2:mem:state;DB_CLOSE_DELAY=-1");
        SchemaMigration.migrate(DATABASE);
    }

    private TestDatabase() {
    }

    public static final SqlTransactions TRANSACTIONS = TestDatabase::inNewTransaction;

    private static <T> T inNewTransaction(SqlTransactions.Work<T> work) {
        try (Connection connection = DATABASE.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many rows {@code table} holds. */
    public static long rows(String table) {
        return TRANSACTIONS.inNewTransaction(connection -> {
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
