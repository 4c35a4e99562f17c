package org.jpasskeys.token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
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
 * <p>
 * Rotation on any node inserts the next key, which signs from two refresh intervals later: every node re-reads
 * the table once an interval, so all publish the new key before any signs with it (as long as the nodes' clocks
 * agree to within an interval), and all accept the previous key's tokens until they expire. Keys whose tokens
 * have all expired leave the table at the next rotation.
 */
public final class DatabaseTokenKeys implements TokenKeyRing {

    static final String CREATION = "token-key-creation";
    private static final Logger LOG = Logger.getLogger(DatabaseTokenKeys.class.getName());

    private final SqlTransactions transactions;
    private final PrivateKeyEncryption encryption;
    private final Duration refreshInterval;
    private final Duration acceptedFor;
    private final Clock clock;
    private final Map<String, SigningKey> opened = new ConcurrentHashMap<>();
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot snapshot;

    /**
     * @param refreshInterval {@code passkeys.token.key-refresh-interval}: how often this node re-reads the keys
     * @param tokenLifetime   {@code passkeys.token.lifetime}: how long a retired key's tokens are still accepted
     */
    public DatabaseTokenKeys(SqlTransactions transactions, PrivateKeyEncryption encryption, Duration refreshInterval,
                             Duration tokenLifetime, Clock clock) {
        this.transactions = transactions;
        this.encryption = encryption;
        this.refreshInterval = refreshInterval;
        this.acceptedFor = tokenLifetime.plus(AccessTokenVerifier.CLOCK_SKEW);
        this.clock = clock;
    }

    /** Reads the stored keys, creating the first when the database holds none; this ring, ready. */
    public DatabaseTokenKeys load() {
        List<Stored> stored = read();
        if (stored.isEmpty()) {
            createUnlessPresent();
            stored = read();
        }
        Instant now = clock.instant();
        snapshot = Snapshot.of(stored, now, now, refreshInterval, acceptedFor);
        return this;
    }

    @Override
    public TokenKeys current() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        if (now.isBefore(last.validUntil())) {
            return last.keys();
        }
        // The others wait for the one that refreshes: an idle node's keys may be an interval old or more.
        refreshing.lock();
        try {
            last = snapshot;
            if (now.isBefore(last.validUntil())) {
                return last.keys();
            }
            List<Stored> stored = last.stored();
            Instant readAt = last.readAt();
            if (!now.isBefore(readAt.plus(refreshInterval))) {
                readAt = now; // after a failure too: tried again an interval later
                try {
                    stored = read();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "jpasskeys: the token keys could not be read again; keeping those read at "
                            + last.readAt(), e);
                }
            }
            snapshot = Snapshot.of(stored, readAt, now, refreshInterval, acceptedFor).sameKeysAs(last);
            return snapshot.keys();
        } finally {
            refreshing.unlock();
        }
    }

    @Override
    public Optional<KeyRotation> rotate() {
        SigningKey key = SigningKey.fromPkcs8(SigningKey.generatePkcs8());
        Instant now = clock.instant();
        Instant signsFrom = now.plus(refreshInterval.multipliedBy(2));
        List<String> retired = snapshot.retired();
        transactions.inNewTransaction(connection -> {
            insert(connection, key, now, signsFrom);
            for (String keyId : retired) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM jp_token_key WHERE kid = ?")) {
                    delete.setString(1, keyId);
                    delete.executeUpdate();
                }
            }
            return null;
        });
        retired.forEach(opened::remove);
        opened.put(key.keyId(), key);
        refreshing.lock();
        try {
            snapshot = Snapshot.of(read(), now, now, refreshInterval, acceptedFor).sameKeysAs(snapshot);
        } finally {
            refreshing.unlock();
        }
        LOG.info(() -> "jpasskeys: token signing key " + key.keyId() + " created; every node signs with it from "
                + signsFrom + (retired.isEmpty() ? "" : "; retired keys removed: " + retired));
        return Optional.of(new KeyRotation(key.keyId(), signsFrom));
    }

    private SigningKey open(String keyId, byte[] sealed) {
        return opened.computeIfAbsent(keyId, kid -> {
            try {
                return SigningKey.fromPkcs8(encryption.open(sealed, kid));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("jpasskeys: passkeys.token.key-encryption-secret does not open the "
                        + "token signing key " + kid + " in jp_token_key: set the secret the other nodes use", e);
            }
        });
    }

    private void createUnlessPresent() {
        // Made before the lock is taken: generating an RSA key takes long enough to keep the other nodes waiting.
        SigningKey key = SigningKey.fromPkcs8(SigningKey.generatePkcs8());
        Instant now = clock.instant();
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
            insert(connection, key, now, now);
            return true;
        });
        if (created) {
            LOG.info(() -> "jpasskeys: created the token signing key " + key.keyId() + " in the database");
        }
    }

    private void insert(Connection connection, SigningKey key, Instant createdAt, Instant signsFrom)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO jp_token_key (kid, sealed_private_key, created_at, signs_from) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, key.keyId());
            insert.setBytes(2, encryption.seal(key.privateKey().getEncoded(), key.keyId()));
            insert.setTimestamp(3, Timestamp.from(createdAt));
            insert.setTimestamp(4, Timestamp.from(signsFrom));
            insert.executeUpdate();
        }
    }

    private List<Stored> read() {
        List<Stored> stored = transactions.inNewTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kid, sealed_private_key, signs_from FROM jp_token_key");
                 ResultSet rows = select.executeQuery()) {
                List<Stored> keys = new ArrayList<>();
                while (rows.next()) {
                    keys.add(new Stored(open(rows.getString(1), rows.getBytes(2)), rows.getTimestamp(3).toInstant()));
                }
                return keys;
            }
        });
        stored.sort(Comparator.comparing(Stored::signsFrom).thenComparing(s -> s.key().keyId()));
        return stored;
    }

    /** A stored key and when it signs (or signed) from. */
    record Stored(SigningKey key, Instant signsFrom) {
    }

    /**
     * The keys in force at one instant, and until when they stay so.
     *
     * @param stored     the keys read, by {@code signsFrom}
     * @param readAt     when they were read
     * @param keys       the one signing now, then the ones published ahead of signing, then the retired ones
     *                   whose tokens are still accepted
     * @param retired    keys whose tokens have all expired
     * @param validUntil the next refresh, or the next instant a key starts signing or stops being accepted
     */
    record Snapshot(List<Stored> stored, Instant readAt, TokenKeys keys, List<String> retired, Instant validUntil) {

        static Snapshot of(List<Stored> stored, Instant readAt, Instant now, Duration refreshInterval,
                           Duration acceptedFor) {
            int signing = 0;
            for (int i = 0; i < stored.size(); i++) {
                if (!stored.get(i).signsFrom().isAfter(now)) {
                    signing = i;
                }
            }
            List<SigningKey> verification = new ArrayList<>(List.of(stored.get(signing).key()));
            List<String> retired = new ArrayList<>();
            Instant validUntil = readAt.plus(refreshInterval);
            for (int i = signing + 1; i < stored.size(); i++) {
                verification.add(stored.get(i).key());
                validUntil = earliest(validUntil, stored.get(i).signsFrom());
            }
            for (int i = signing - 1; i >= 0; i--) {
                // A key is accepted until its successor has signed for as long as a token lives.
                Instant acceptedUntil = stored.get(i + 1).signsFrom().plus(acceptedFor);
                if (now.isBefore(acceptedUntil)) {
                    verification.add(stored.get(i).key());
                    validUntil = earliest(validUntil, acceptedUntil);
                } else {
                    retired.add(stored.get(i).key().keyId());
                }
            }
            return new Snapshot(List.copyOf(stored), readAt, new TokenKeys(verification.get(0), verification),
                    List.copyOf(retired), validUntil);
        }

        /** This snapshot, with {@code earlier}'s keys instance when they are the same keys (see {@link PerKeys}). */
        Snapshot sameKeysAs(Snapshot earlier) {
            List<String> ids = keys.verification().stream().map(SigningKey::keyId).toList();
            List<String> earlierIds = earlier.keys().verification().stream().map(SigningKey::keyId).toList();
            return ids.equals(earlierIds) ? new Snapshot(stored, readAt, earlier.keys(), retired, validUntil) : this;
        }

        private static Instant earliest(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }
    }
}
