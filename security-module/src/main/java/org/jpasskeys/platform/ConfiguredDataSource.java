package org.jpasskeys.platform;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The class that {@link PasskeysDataSource} names: it reads {@code passkeys.datasource.*} from MicroProfile
 * Config at the first connection and hands every call to the driver's own {@link DataSource}. Servers resolve
 * a {@code @DataSourceDefinition}'s attributes at deployment, each in its own way (Payara only with its
 * {@code ${MPCONFIG=...}} syntax, WildFly and Liberty not at all); reading the configuration here makes the
 * same WAR work on every server, with the server's pool and transactions around it.
 */
public class ConfiguredDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

    private String configPrefix = DataSourceSettings.PREFIX;
    private volatile DataSource driver;
    private volatile DataSourceSettings settings;
    private PrintWriter logWriter;
    private int loginTimeout;

    /** What the server instantiates: the settings are read from MicroProfile Config at the first connection. */
    public ConfiguredDataSource() {
    }

    /** With settings given, not read (tests). */
    ConfiguredDataSource(DataSourceSettings settings) {
        this.settings = settings;
    }

    /** Set by the server from the definition's {@code properties}; WildFly needs at least one. */
    public void setConfigPrefix(String configPrefix) {
        this.configPrefix = configPrefix;
    }

    public String getConfigPrefix() {
        return configPrefix;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DataSourceSettings configured = settings();
        return driver().getConnection(configured.user(), configured.password());
    }

    /** The server's pool may pass its own (empty) credentials: the configured ones win unless it names a user. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (username == null || username.isEmpty()) {
            return getConnection();
        }
        return driver().getConnection(username, password);
    }

    private DataSourceSettings settings() {
        DataSourceSettings read = settings;
        if (read == null) {
            Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
            read = DataSourceSettings.read(config, configPrefix);
            settings = read;
        }
        return read;
    }

    private DataSource driver() throws SQLException {
        DataSource current = driver;
        if (current == null) {
            synchronized (this) {
                current = driver;
                if (current == null) {
                    current = instantiate(settings());
                    driver = current;
                }
            }
        }
        return current;
    }

    private DataSource instantiate(DataSourceSettings configured) throws SQLException {
        try {
            Class<?> type = Class.forName(configured.className(), true, ConfiguredDataSource.class.getClassLoader());
            DataSource created = (DataSource) type.getConstructor().newInstance();
            setUrl(created, configured.url());
            if (logWriter != null) {
                created.setLogWriter(logWriter);
            }
            created.setLoginTimeout(loginTimeout);
            LOG.info(() -> "jpasskeys: database " + configured.className() + " at " + configured.redactedUrl());
            return created;
        } catch (ClassNotFoundException e) {
            throw new SQLException("jpasskeys: the JDBC driver class " + configured.className() + " (" + configPrefix
                    + ".class-name) is not on the application's class path: add the driver to the application", e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new SQLException("jpasskeys: " + configured.className() + " (" + configPrefix
                    + ".class-name) is not a javax.sql.DataSource with a public no-argument constructor", e);
        }
    }

    /** Drivers spell the setter {@code setURL} (H2, PostgreSQL, Oracle) or {@code setUrl} (PostgreSQL, MariaDB). */
    private void setUrl(DataSource target, String url) throws ReflectiveOperationException, SQLException {
        for (String name : new String[] {"setURL", "setUrl"}) {
            try {
                Method setter = target.getClass().getMethod(name, String.class);
                setter.invoke(target, url);
                return;
            } catch (NoSuchMethodException e) {
                // try the other spelling
            } catch (InvocationTargetException e) {
                throw new SQLException("jpasskeys: " + configPrefix + ".url is refused by the driver", e.getCause());
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + " has neither setURL nor setUrl");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return driver().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || driver().isWrapperFor(iface);
    }
}
