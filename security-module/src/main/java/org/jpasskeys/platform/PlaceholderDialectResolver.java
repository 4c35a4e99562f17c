package org.jpasskeys.platform;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Open Liberty first builds a throw-away EntityManagerFactory on a placeholder data source that reports
 * itself as {@value #LIBERTY_PLACEHOLDER}, and keeps the failure when Hibernate finds no dialect for it
 * (OpenLiberty issue 24468). Any dialect lets that factory be built and dropped; every real database falls
 * through to Hibernate's own resolution.
 */
public final class PlaceholderDialectResolver implements DialectResolver {

    static final String LIBERTY_PLACEHOLDER = "Generic Component Context DataSource";

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String name = info.getDatabaseName();
        return name != null && name.startsWith(LIBERTY_PLACEHOLDER) ? new H2Dialect() : null;
    }
}
