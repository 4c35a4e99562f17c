package org.jpasskeys.state;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.jdbcx.JdbcDataSource;
import org.jpasskeys.credential.jpa.SchemaMigration;

/** Against an H2 database migrated by the module's changelog, each call in a transaction of its own. */
class DatabaseOneTimeValuesTest extends OneTimeValuesContract {

    private static final JdbcDataSource DATABASE = new JdbcDataSource();

    static {
        DATABASE.setURL("jdbc:h2:mem:one-time-values;DB_CLOSE_DELAY=-1");
        SchemaMigration.migrate(DATABASE);
    }

    private final OneTimeValues store = new DatabaseOneTimeValues(DatabaseOneTimeValuesTest::inNewTransaction, clock);

    @Override
    OneTimeValues store() {
        return store;
    }

    private static <T> T inNewTransaction(SqlTransactions.Work<T> work) {
        try (Connection connection = DATABASE.getConnection()) {
            connection.setAutoCommit(false);
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
