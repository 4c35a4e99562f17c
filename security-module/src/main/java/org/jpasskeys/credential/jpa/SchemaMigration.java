package org.jpasskeys.credential.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jpasskeys.platform.PasskeysDataSource;
import org.jpasskeys.state.SqlDialect;

/** Brings the module's tables up to date with Liquibase; run once when the web application starts. */
@ApplicationScoped
public class SchemaMigration {

    /** JNDI name of the module's datasource. */
    public static final String DATASOURCE = PasskeysDataSource.JNDI_NAME;

    static final String CHANGELOG = "org/jpasskeys/db/changelog.sql";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private static final String HISTORY_TABLE = "jpasskeys_changelog";

    /** The id of the newest changeset this version of the module brings. */
    static final String LATEST_CHANGESET = latestChangeset();

    public void migrate() {
        migrate(dataSource());
    }

    /**
     * Whether the database behind {@code connection} answers and holds this version's newest changeset (a node
     * of an older version, or a database restored from an old backup, does not).
     *
     * @throws SQLException when the database cannot be reached
     */
    public static boolean isCurrent(Connection connection, int timeoutSeconds) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + HISTORY_TABLE + " WHERE id = ? AND author = 'jpasskeys'")) {
            query.setQueryTimeout(timeoutSeconds);
            query.setString(1, LATEST_CHANGESET);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        }
    }

    private static String latestChangeset() {
        try (InputStream changelog = SchemaMigration.class.getClassLoader().getResourceAsStream(CHANGELOG)) {
            Matcher changesets = Pattern.compile("(?m)^--changeset jpasskeys:(\\S+)")
                    .matcher(new String(changelog.readAllBytes(), StandardCharsets.UTF_8));
            String latest = null;
            while (changesets.find()) {
                latest = changesets.group(1);
            }
            return Objects.requireNonNull(latest, "no changeset in " + CHANGELOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module's datasource, as the server provides it (pooled, enlisted in transactions). */
    public static DataSource dataSource() {
        try {
            return InitialContext.doLookup(DATASOURCE);
        } catch (NamingException e) {
            throw new IllegalStateException("jpasskeys needs the datasource " + DATASOURCE
                    + ": on Open Liberty, bind it to a server data source in WEB-INF/ibm-web-bnd.xml (see README)", e);
        }
    }

    /**
     * Applies the module's changesets that {@code dataSource} has not seen yet; several nodes may race safely. A
     * database other than PostgreSQL or H2 stops the application here, not at its first sign-in.
     */
    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            SqlDialect.of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("jpasskeys: the database at passkeys.datasource.url cannot be reached", e);
        }
        migrate(dataSource, CHANGELOG, HISTORY_TABLE, SchemaMigration.class.getClassLoader());
    }

    /**
     * Applies a Liquibase changelog, found by {@code loader}, that keeps its history in {@code historyTable};
     * an application migrates its own tables beside the module's this way.
     */
    public static void migrate(DataSource dataSource, String changelog, String historyTable, ClassLoader loader) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName(historyTable);
            database.setDatabaseChangeLogLockTableName(historyTable + "_lock");
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader)), () ->
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                            .execute());
            // Liquibase leaves the connection outside auto-commit with its last reads open; ended here, they are
            // not rolled back (and reported: Liberty's WLTC0033W) when the server takes the connection back.
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            LOG.info(() -> "jpasskeys: database schema is up to date (" + changelog + ")");
        } catch (Exception e) {
            throw new IllegalStateException("jpasskeys: the schema migration failed (" + changelog + ")", e);
        }
    }
}
