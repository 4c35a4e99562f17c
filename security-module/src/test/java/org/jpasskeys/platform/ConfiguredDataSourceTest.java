package org.jpasskeys.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ConfiguredDataSourceTest {

    @Test
    void everyKeyFallsBackToTheEmbeddedDefaultOnItsOwn() {
        assertThat(DataSourceSettings.read(config(Map.of()), DataSourceSettings.PREFIX))
                .isEqualTo(DataSourceSettings.EMBEDDED_DEFAULT);
        assertThat(DataSourceSettings.read(config(Map.of("passkeys.datasource.url", "jdbc:h2:mem:other")),
                DataSourceSettings.PREFIX))
                .isEqualTo(new DataSourceSettings("org.h2.jdbcx.JdbcDataSource", "jdbc:h2:mem:other", "sa", "jpasskeys"));
        assertThat(DataSourceSettings.read(config(Map.of("other.class-name", "org.postgresql.ds.PGSimpleDataSource",
                "other.user", "postgres")), "other"))
                .isEqualTo(new DataSourceSettings("org.postgresql.ds.PGSimpleDataSource",
                        DataSourceSettings.EMBEDDED_DEFAULT.url(), "postgres", "jpasskeys"));
    }

    @Test
    void logsNoPasswordThatAUrlCarries() {
        DataSourceSettings settings = new DataSourceSettings("org.h2.jdbcx.JdbcDataSource",
                "jdbc:postgresql://db:5432/portal?user=app&password=secret", "app", "secret");
        assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://db:5432/portal");
        assertThat(settings.toString()).doesNotContain("secret");
        assertThat(new DataSourceSettings("x", "jdbc:h2:file:~/db;PASSWORD=secret", "sa", "p").redactedUrl())
                .isEqualTo("jdbc:h2:file:~/db");
    }

    @Test
    void connectsThroughTheConfiguredDriverWithTheConfiguredAccount() throws SQLException {
        ConfiguredDataSource dataSource = new ConfiguredDataSource(new DataSourceSettings("org.h2.jdbcx.JdbcDataSource",
                "jdbc:h2:mem:configured;DB_CLOSE_DELAY=-1", "portal", "pw"));
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet user = statement.executeQuery("SELECT CURRENT_USER")) {
            assertThat(user.next()).isTrue();
            assertThat(user.getString(1)).isEqualToIgnoringCase("portal");
        }
        try (Connection again = dataSource.getConnection(null, null)) {
            assertThat(again.isValid(1)).as("a pool's empty credentials mean the configured ones").isTrue();
        }
        assertThat(dataSource.isWrapperFor(org.h2.jdbcx.JdbcDataSource.class)).isTrue();
    }

    @Test
    void aDriverMissingFromTheApplicationIsNamedWithItsKey() {
        ConfiguredDataSource dataSource = new ConfiguredDataSource(
                new DataSourceSettings("com.example.MissingDataSource", "jdbc:missing:db", "u", "p"));
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("com.example.MissingDataSource")
                .hasMessageContaining("passkeys.datasource.class-name");
        ConfiguredDataSource notADataSource = new ConfiguredDataSource(
                new DataSourceSettings("java.lang.String", "jdbc:h2:mem:x", "u", "p"));
        assertThatThrownBy(notADataSource::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("is not a javax.sql.DataSource");
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }
}
