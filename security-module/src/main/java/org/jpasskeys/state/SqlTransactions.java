package org.jpasskeys.state;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs JDBC work in a transaction of its own, committed when the work returns. */
public interface SqlTransactions {

    /** JDBC work on one connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T inNewTransaction(Work<T> work);
}
