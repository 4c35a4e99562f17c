package org.jpasskeys.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.jpasskeys.credential.jpa.SchemaMigration;

/** Reads the sample's own tables, which live in the module's database beside its tables. */
public final class SampleTables {

    private SampleTables() {
    }

    /** The one text column that {@code select} (with one parameter) finds, if it finds a row. */
    public static Optional<String> find(String select, String parameter) {
        try (Connection connection = SchemaMigration.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, parameter);
            try (ResultSet found = statement.executeQuery()) {
                return found.next() ? Optional.of(found.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the sample's tables: " + select, e);
        }
    }
}
