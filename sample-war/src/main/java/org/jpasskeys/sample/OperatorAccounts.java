package org.jpasskeys.sample;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.credential.UserRepository;
import org.jpasskeys.credential.jpa.SchemaMigration;
import org.jpasskeys.sample.password.PasswordAccounts;

/**
 * The accounts the operator made for {@code sample.admins} ({@code sample_admin}): made here, never by sign-up,
 * so that no one can claim an administrator's name before the operator does.
 */
@ApplicationScoped
public class OperatorAccounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    UserRepository users;

    @Inject
    PasswordAccounts passwords;

    /** The id of the account the operator made for {@code username}, if they did. */
    public Optional<String> accountIdOf(String username) {
        return SampleTables.find("SELECT user_id FROM sample_admin WHERE username = ?", username);
    }

    /**
     * Creates the account, its record and its bootstrap password in one transaction: all are stored or none (a
     * name taken meanwhile, by sign-up or by another node, fails the whole).
     */
    @Transactional
    public void create(String username, Optional<char[]> bootstrapPassword) {
        Instant now = Instant.now();
        UserAccount account = new UserAccount(CredentialIds.encode(random(16)), random(32), username, username, now);
        users.create(account);
        bootstrapPassword.ifPresent(password -> passwords.setPassword(username, password));
        try (Connection connection = SchemaMigration.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO sample_admin (username, user_id, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, username);
            insert.setString(2, account.id());
            insert.setTimestamp(3, Timestamp.from(now));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the administrator " + username, e);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
