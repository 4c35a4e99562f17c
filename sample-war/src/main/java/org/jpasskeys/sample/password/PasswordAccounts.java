package org.jpasskeys.sample.password;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import org.jpasskeys.ceremony.RegistrationCeremony;
import org.jpasskeys.ceremony.SignUpRequest;
import org.jpasskeys.credential.OtherSignInMethods;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.credential.jpa.SchemaMigration;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.ProblemException;

/**
 * Accounts that signed up with a password. Such an account can also delete its last passkey, since the
 * password still lets the person in.
 */
@ApplicationScoped
public class PasswordAccounts implements OtherSignInMethods {

    /** NIST 800-63B: at least 8 characters; the upper bound keeps one PBKDF2 run cheap enough. */
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    @Inject
    RegistrationCeremony registration;

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void configureHash() {
        hash.initialize(PasswordHashing.PARAMETERS);
    }

    /** Creates the account and its password in one transaction: both are stored or neither. */
    @Transactional
    public UserAccount signUp(SignUpRequest request, char[] password) {
        requireAcceptable(password);
        UserAccount account = registration.createAccount(request);
        setPassword(account.username(), password);
        return account;
    }

    /** Gives the account {@code password}, in place of the one it had (in the caller's transaction, if any). */
    @Transactional
    public void setPassword(String username, char[] password) {
        requireAcceptable(password);
        try (Connection connection = SchemaMigration.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM sample_password WHERE username = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO sample_password (username, password_hash, created_at) VALUES (?, ?, ?)")) {
            delete.setString(1, username);
            delete.executeUpdate();
            insert.setString(1, username);
            insert.setString(2, hash.generate(password));
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the password of " + username, e);
        }
    }

    /** Takes the account's password away: from now on it signs in with its passkeys only. */
    public void removePassword(String username) {
        try (Connection connection = SchemaMigration.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM sample_password WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove the password of " + username, e);
        }
    }

    @Override
    public boolean existFor(UserAccount account) {
        return PasswordStore.storedHash(account.username()).isPresent();
    }

    private static void requireAcceptable(char[] password) {
        if (password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
            throw new ProblemException(Problem.invalidRequest("Choose a password of " + MIN_LENGTH + " to "
                    + MAX_LENGTH + " characters; a passphrase of a few words is easy to remember."));
        }
    }
}
