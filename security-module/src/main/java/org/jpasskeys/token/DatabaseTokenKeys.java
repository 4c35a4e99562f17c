package org.jpasskeys.token;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.jpasskeys.state.ClusterJobs;
import org.jpasskeys.state.SqlTransactions;

/**
 * The signing keys in the shared database ({@code passkeys.token.key-store=database}, table {@code jp_token_key}),
 * private keys sealed with {@code passkeys.token.key-encryption-secret}: every node signs with the same key and
 * publishes the same JWKS. The first node to start creates the key (one node claims its creation); a node whose
 * secret does not open the stored key stops with a message naming the key to fix, and never makes a second one.
 */
public final class DatabaseTokenKeys {

    static final String CREATION = "token-key-creation";
    private static final Duration WAIT_FOR_CREATION = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(DatabaseTokenKeys.class.getName());

    private final SqlTransactions transactions;
    private final ClusterJobs jobs;
    private final PrivateKeyEncryption encryption;
    private final Clock clock;

    public DatabaseTokenKeys(SqlTransactions transactions, ClusterJobs jobs, PrivateKeyEncryption encryption,
                             Clock clock) {
        this.transactions = transactions;
        this.jobs = jobs;
        this.encryption = encryption;
        this.clock = clock;
    }

    /** The stored keys, newest first (it signs); created when the database holds none. */
    public TokenKeys load() {
        Instant deadline = clock.instant().plus(WAIT_FOR_CREATION);
        List<Sealed> stored = read();
        while (stored.isEmpty()) {
            if (jobs.claim(CREATION, clock.instant(), Duration.ofDays(365_000))) {
                create();
            } else if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("jpasskeys: another node claimed the creation of the token signing "
                        + "key but none is in jp_token_key after " + WAIT_FOR_CREATION);
            } else {
                sleep();
            }
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

    private void create() {
        SigningKey key = SigningKey.fromPkcs8(SigningKey.generatePkcs8());
        byte[] sealed = encryption.seal(key.privateKey().getEncoded(), key.keyId());
        transactions.inNewTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO jp_token_key (kid, sealed_private_key, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, key.keyId());
                insert.setBytes(2, sealed);
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                return insert.executeUpdate();
            }
        });
        LOG.info(() -> "jpasskeys: created the token signing key " + key.keyId() + " in the database");
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

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the token signing key", e);
        }
    }

    private record Sealed(String keyId, byte[] privateKey) {
    }
}
