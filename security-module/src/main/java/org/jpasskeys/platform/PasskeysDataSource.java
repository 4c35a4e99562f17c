package org.jpasskeys.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Defines the datasource the module stores accounts in, {@value #JNDI_NAME}, from
 * {@code passkeys.datasource.*} (see {@link ConfiguredDataSource}). Open Liberty does not load a datasource
 * class from the application: there {@code WEB-INF/ibm-web-bnd.xml} binds this name to a server data source.
 */
@DataSourceDefinition(
        name = PasskeysDataSource.JNDI_NAME,
        className = "org.jpasskeys.platform.ConfiguredDataSource",
        properties = "configPrefix=" + DataSourceSettings.PREFIX)
@ApplicationScoped
public class PasskeysDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/jpasskeys";
}
