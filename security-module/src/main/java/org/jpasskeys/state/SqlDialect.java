package org.jpasskeys.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The two databases the module's SQL is written for: PostgreSQL, and H2 for what the standard covers. */
enum SqlDialect {
    POSTGRESQL,
    STANDARD;

    static SqlDialect of(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql")
                ? POSTGRESQL : STANDARD;
    }
}
