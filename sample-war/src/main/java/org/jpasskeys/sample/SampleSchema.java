package org.jpasskeys.sample;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.jpasskeys.credential.jpa.SchemaMigration;

/**
 * Brings the sample's own tables (passwords, administrators) up to date, with its own Liquibase history beside the
 * module's, then makes the administrators' accounts before any request is served.
 */
@WebListener
public class SampleSchema implements ServletContextListener {

    @Inject
    SchemaMigration moduleSchema;

    @Inject
    Administrators administrators;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // The module's listener may run after this one; its tables must exist before accounts are made.
        moduleSchema.migrate();
        SchemaMigration.migrate(SchemaMigration.dataSource(), "org/jpasskeys/sample/db/changelog.sql",
                "sample_changelog", SampleSchema.class.getClassLoader());
        administrators.provision();
    }
}
