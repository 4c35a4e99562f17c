package org.jpasskeys.credential.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.OwnedCredential;
import org.jpasskeys.credential.SignInUpdate;
import org.jpasskeys.revocation.AccountStanding;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.jpasskeys.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sign-in's two statements on the migrated schema (H2), with no transaction around them. */
class JpaCredentialRepositorySignInTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00.123456Z");
    private static final UUID AAGUID = UUID.fromString("08987058-cadc-4b81-b6e1-30de50dcbe96");

    private final String userId = UUID.randomUUID().toString().replace("-", "");
    private final byte[] userHandle = SoftwareAuthenticator.random(32);
    private final byte[] credentialId = SoftwareAuthenticator.random(16);

    @BeforeEach
    void aDisabledAccountWithAPasskey() {
        TestDatabase.TRANSACTIONS.inNewTransaction(connection -> {
            try (PreparedStatement user = connection.prepareStatement("INSERT INTO jp_user (id, user_handle, "
                    + "username, display_name, created_at, disabled, session_epoch) VALUES (?, ?, ?, ?, ?, TRUE, 3)");
                 PreparedStatement credential = connection.prepareStatement("INSERT INTO jp_credential "
                         + "(credential_id, user_id, public_key_cose, sign_count, uv_initialized, backup_eligible, "
                         + "backed_up, transports, aaguid, attestation_format, name, created_at) "
                         + "VALUES (?, ?, ?, 5, TRUE, FALSE, FALSE, 'internal', ?, 'none', 'Phone', ?)")) {
                user.setString(1, userId);
                user.setString(2, CredentialIds.encode(userHandle));
                user.setString(3, "user-" + userId);
                user.setString(4, "Display " + userId);
                user.setObject(5, NOW.atOffset(ZoneOffset.UTC));
                user.executeUpdate();
                credential.setString(1, CredentialIds.encode(credentialId));
                credential.setString(2, userId);
                credential.setBytes(3, new byte[] {1, 2, 3});
                credential.setObject(4, AAGUID);
                credential.setObject(5, NOW.atOffset(ZoneOffset.UTC));
                return credential.executeUpdate();
            }
        });
    }

    @Test
    void theSignInReadGivesThePasskeyItsAccountAndTheAccountsStanding() {
        OwnedCredential found = repository(true, Status.STATUS_NO_TRANSACTION).findForSignIn(credentialId)
                .orElseThrow();

        assertThat(found.credential().credentialId()).isEqualTo(credentialId);
        assertThat(found.credential().signCount()).isEqualTo(5);
        assertThat(found.owner().id()).isEqualTo(userId);
        assertThat(found.owner().userHandle()).isEqualTo(userHandle);
        assertThat(found.owner().username()).isEqualTo("user-" + userId);
        assertThat(found.owner().createdAt()).isEqualTo(NOW);
        assertThat(found.credential().aaguid()).isEqualTo(AAGUID);
        assertThat(found.credential().createdAt()).isEqualTo(NOW);
        assertThat(found.credential().lastUsedAt()).isEmpty();
        assertThat(found.standing()).isEqualTo(new AccountStanding(true, true, 3));
    }

    @Test
    void anUnknownPasskeyReadsNothing() {
        assertThat(repository(true, Status.STATUS_NO_TRANSACTION).findForSignIn(SoftwareAuthenticator.random(16)))
                .isEmpty();
    }

    @Test
    void aCounterUpdateOutsideATransactionIsCommittedEvenOnAConnectionWithoutAutocommit() {
        JpaCredentialRepository repository = repository(false, Status.STATUS_NO_TRANSACTION);

        assertThat(repository.recordSignIn(new SignInUpdate(credentialId, 6, true, NOW))).isTrue();
        assertThat(repository.recordSignIn(new SignInUpdate(credentialId, 6, true, NOW))).as("not past 6").isFalse();

        assertThat(storedSignCount()).isEqualTo(6);
    }

    @Test
    void insideACallersTransactionTheCommitIsLeftToThatTransaction() {
        assertThat(repository(false, Status.STATUS_ACTIVE).recordSignIn(new SignInUpdate(credentialId, 6, true, NOW)))
                .isTrue();

        assertThat(storedSignCount()).as("rolled back with the connection that was never committed").isEqualTo(5);
    }

    private long storedSignCount() {
        return TestDatabase.TRANSACTIONS.inNewTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sign_count FROM jp_credential WHERE credential_id = ?")) {
                select.setString(1, CredentialIds.encode(credentialId));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** The repository on the test database, whose connections have {@code autocommit} as a pool might set it. */
    private static JpaCredentialRepository repository(boolean autocommit, int transactionStatus) {
        JpaCredentialRepository repository = new JpaCredentialRepository();
        repository.dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                        Connection connection = TestDatabase.DATABASE.getConnection();
                        connection.setAutoCommit(autocommit);
                        return connection;
                    }
                    try {
                        return method.invoke(TestDatabase.DATABASE, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        repository.transactions = (TransactionSynchronizationRegistry) Proxy.newProxyInstance(
                TransactionSynchronizationRegistry.class.getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getTransactionStatus")) {
                        return transactionStatus;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return repository;
    }
}
