package org.jpasskeys.credential.jpa;

import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the module's tables up to date with Flyway; run once when the web application starts. */
@ApplicationScoped
public class SchemaMigration {

    /** JNDI name of the datasource the application provides. */
    public static final String DATASOURCE = "java:app/jdbc/jpasskeys";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    public void migrate() {
        DataSource dataSource;
        try {
            dataSource = InitialContext.doLookup(DATASOURCE);
        } catch (NamingException e) {
            throw new IllegalStateException("jpasskeys needs the datasource " + DATASOURCE
                    + ": define it in the application (see README)", e);
        }
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:org/jpasskeys/db/migration")
                .table("jpasskeys_schema_history")
                .load()
                .migrate();
        LOG.info(() -> "jpasskeys: schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied)");
    }
}
