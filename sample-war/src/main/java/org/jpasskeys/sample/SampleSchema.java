package org.jpasskeys.sample;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.jpasskeys.credential.jpa.SchemaMigration;

/** Brings the sample's own table (passwords) up to date, with its own Liquibase history beside the module's. */
@WebListener
public class SampleSchema implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SchemaMigration.migrate(SchemaMigration.dataSource(), "org/jpasskeys/sample/db/changelog.sql",
                "sample_changelog", SampleSchema.class.getClassLoader());
    }
}
