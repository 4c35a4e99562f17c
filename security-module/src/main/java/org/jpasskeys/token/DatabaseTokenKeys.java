package org.jpasskeys.token;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.jpasskeys.state.SqlTransactions;

/**
 * The signing keys in the shared database ({@code passkeys.token.key-store=database}, table {@code jp_token_key}),
 * private keys sealed with {@code passkeys.token.key-encryption-secret}: every node signs with the same key and
 * publishes the same JWKS. The first node to start creates the key: creation holds the lock of the
 * {@code token-key-creation} row of {@code jp_cluster_job}, so nodes that start together take turns and the others
 * find the first one's key; the insert commits with that lock or not at all, so a node that dies while creating
 * leaves nothing behind. A node whose secret does not open the stored key stops with a message naming the key to
 * fix, and never makes a second one.
 */
public final class DatabaseTokenKeys {

    static final String CREATION = "token-key-creation";
    private static final Logger LOG = Logger.getLogger(DatabaseTokenKeys.class.getName());

    private final SqlTransactions transactions;
    private final PrivateKeyEncryption encryption;
    private final Clock clock;

    public DatabaseTokenKeys(SqlTransactions transactions, PrivateKeyEncryption encryption, Clock clock) {
        this.transactions = transactions;
        this.encryption = encryption;
        this.clock = clock;
    }

    /** The stored keys, newest first (it signs); created when the database holds none. */
    public TokenKeys load() {
        List<Sealed> stored = read();
        if (stored.isEmpty()) {
            createUnlessPresent();
            stored = read();
        }
        List<SigningKey> keys = stored.stream().map(this::open).toList();
        return new TokenKeys(keys.get(0), keys);
    }

    private SigningKey open(Sealed sealed) {
        try {
            return SigningKey.fromPkcs8(encryption.open(sealed.privateKey(), sealed.keyId()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("jpasskeys: passkeys.token.key-encryption-secret does not open the token "
                    + "signing key " + sealed.keyId() + " in jp_token_key: set the secret the other nodes use", e);
        }
    }

    private void createUnlessPresent() {
        // Made before the lock is taken: generating an RSA key takes long enough to keep the other nodes waiting.
        SigningKey key = SigningKey.fromPkcs8(SigningKey.generatePkcs8());
        byte[] sealed = encryption.seal(key.privateKey().getEncoded(), key.keyId());
        boolean created = transactions.inNewTransaction(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT name FROM jp_cluster_job WHERE name = ? FOR UPDATE")) {
                lock.setString(1, CREATION);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("jp_cluster_job has no " + CREATION + " row: the schema "
                                + "migration did not run");
                    }
                }
            }
            try (PreparedStatement present = connection.prepareStatement("SELECT 1 FROM jp_token_key");
                 ResultSet rows = present.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO jp_token_key (kid, sealed_private_key, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, key.keyId());
                insert.setBytes(2, sealed);
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                return insert.executeUpdate() == 1;
            }
        });
        if (created) {
            LOG.info(() -> "jpasskeys: created the token signing key " + key.keyId() + " in the database");
        }
    }

    private List<Sealed> read() {
        return transactions.inNewTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kid, sealed_private_key FROM jp_token_key ORDER BY created_at DESC, kid");
                 ResultSet rows = select.executeQuery()) {
                List<Sealed> keys = new ArrayList<>();
                while (rows.next()) {
                    keys.add(new Sealed(rows.getString(1), rows.getBytes(2)));
                }
                return keys;
            }
        });
    }

    private record Sealed(String keyId, byte[] privateKey) {
    }
}
