package org.jpasskeys.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The two databases the module's SQL is written for: PostgreSQL, and H2 for what the standard covers. */
public enum SqlDialect {
    POSTGRESQL,
    STANDARD;

    /** @throws IllegalStateException for any other database, naming it */
    public static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return STANDARD;
        }
        throw new IllegalStateException("jpasskeys: the database at passkeys.datasource.url is " + product
                + "; the module's SQL is written for PostgreSQL and H2");
    }
}
