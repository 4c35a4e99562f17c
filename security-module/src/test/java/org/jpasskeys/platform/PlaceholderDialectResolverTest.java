package org.jpasskeys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

class PlaceholderDialectResolverTest {

    @Test
    void answersOnlyForLibertysPlaceholderDataSource() {
        PlaceholderDialectResolver resolver = new PlaceholderDialectResolver();
        assertThat(resolver.resolveDialect(new Database("Generic Component Context DataSource")))
                .isInstanceOf(H2Dialect.class);
        assertThat(resolver.resolveDialect(new Database("PostgreSQL"))).as("real databases: Hibernate's own").isNull();
        assertThat(resolver.resolveDialect(new Database(null))).isNull();
    }

    private record Database(String name) implements DialectResolutionInfo {
        @Override
        public String getDatabaseName() {
            return name;
        }

        @Override
        public String getDatabaseVersion() {
            return "0.0";
        }

        @Override
        public int getDatabaseMajorVersion() {
            return 0;
        }

        @Override
        public int getDatabaseMinorVersion() {
            return 0;
        }

        @Override
        public String getDriverName() {
            return null;
        }

        @Override
        public int getDriverMajorVersion() {
            return 0;
        }

        @Override
        public int getDriverMinorVersion() {
            return 0;
        }

        @Override
        public String getSQLKeywords() {
            return "";
        }
    }
}
