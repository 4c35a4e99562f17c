package org.jpasskeys.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import org.jpasskeys.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void postgreSqlAndH2AreKnownAndAnyOtherDatabaseIsNamedAndRefused() throws SQLException {
        assertThat(SqlDialect.of(product("PostgreSQL"))).isEqualTo(SqlDialect.POSTGRESQL);
        try (Connection h2 = TestDatabase.DATABASE.getConnection()) {
            assertThat(SqlDialect.of(h2)).isEqualTo(SqlDialect.STANDARD);
        }
        assertThatThrownBy(() -> SqlDialect.of(product("MySQL"))).hasMessageContaining("MySQL")
                .hasMessageContaining("passkeys.datasource.url");
    }

    private static Connection product(String name) {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(SqlDialectTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> name);
        return (Connection) Proxy.newProxyInstance(SqlDialectTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> metaData);
    }
}
