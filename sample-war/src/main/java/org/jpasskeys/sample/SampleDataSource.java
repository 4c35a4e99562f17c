package org.jpasskeys.sample;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The datasource the security module stores accounts in. Embedded H2 by default; set
 * {@code passkeys.datasource.*} (or PASSKEYS_DATASOURCE_* environment variables) for PostgreSQL.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/jpasskeys",
        className = "${MPCONFIG=passkeys.datasource.class-name}",
        url = "${MPCONFIG=passkeys.datasource.url}",
        user = "${MPCONFIG=passkeys.datasource.user}",
        password = "${MPCONFIG=passkeys.datasource.password}")
@ApplicationScoped
public class SampleDataSource {
}
