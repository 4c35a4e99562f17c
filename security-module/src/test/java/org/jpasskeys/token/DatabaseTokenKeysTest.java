package org.jpasskeys.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jpasskeys.state.SqlTransactions;
import org.jpasskeys.testing.MutableClock;
import org.jpasskeys.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseTokenKeysTest {

    private static final String SECRET = "correct horse battery staple, 32+ characters";
    private static final Duration REFRESH = Duration.ofMinutes(1);
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    @BeforeEach
    void noKeysYet() throws SQLException {
        execute("DELETE FROM jp_token_key");
    }

    @Test
    void nodesStartingTogetherMakeOneKeyAndAllSignWithIt() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TokenKeys>> loaded = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            loaded.add(nodes.submit(() -> {
                start.await();
                return node(SECRET).load().current();
            }));
        }
        start.countDown();
        List<String> signingKeyIds = new ArrayList<>();
        for (Future<TokenKeys> keys : loaded) {
            signingKeyIds.add(keys.get().signing().keyId());
        }
        nodes.shutdown();

        assertThat(signingKeyIds).hasSize(4).containsOnly(signingKeyIds.get(0));
        assertThat(TestDatabase.rows("jp_token_key")).isEqualTo(1L);
        assertThat(node(SECRET).load().current().signing().privateKey())
                .isEqualTo(node(SECRET).load().current().signing().privateKey());
    }

    @Test
    void aNodeThatDiesWhileCreatingTheKeyLeavesNothingThatStopsTheNext() {
        // The creating transaction fails after its insert, as when the node dies before the commit.
        SqlTransactions dying = new SqlTransactions() {
            @Override
            public <T> T inNewTransaction(Work<T> work) {
                return TestDatabase.TRANSACTIONS.inNewTransaction(connection -> {
                    T result = work.run(connection);
                    if (result instanceof Boolean) {
                        throw new SQLException("connection lost before the commit");
                    }
                    return result;
                });
            }
        };
        assertThatThrownBy(() -> new DatabaseTokenKeys(dying, new PrivateKeyEncryption(SECRET), REFRESH, LIFETIME,
                Clock.systemUTC()).load()).hasMessageContaining("connection lost");

        assertThat(node(SECRET).load().current().verification()).hasSize(1);
        assertThat(TestDatabase.rows("jp_token_key")).isEqualTo(1L);
    }

    @Test
    void aNodeWithAnotherSecretStopsNamingTheKeyAndMakesNoSecondOne() {
        String keyId = node(SECRET).load().current().signing().keyId();

        assertThatThrownBy(() -> node("another secret, also 32 characters long").load())
                .hasMessageContaining("passkeys.token.key-encryption-secret")
                .hasMessageContaining(keyId);
        assertThat(TestDatabase.rows("jp_token_key")).isEqualTo(1L);
    }

    @Test
    void aSealedKeyCannotBePassedOffUnderAnotherIdOrAltered() {
        PrivateKeyEncryption encryption = new PrivateKeyEncryption(SECRET);
        byte[] sealed = encryption.seal(new byte[] {1, 2, 3}, "kid-1");

        assertThat(encryption.open(sealed, "kid-1")).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> encryption.open(sealed, "kid-2")).isInstanceOf(IllegalArgumentException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> encryption.open(sealed, "kid-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyRotatedOnOneNodeIsPublishedByAllBeforeAnySignsWithItAndTheOldOneRetiresAfterItsTokens() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        DatabaseTokenKeys nodeA = node(SECRET, clock).load();
        DatabaseTokenKeys nodeB = node(SECRET, clock).load();
        String first = nodeA.current().signing().keyId();

        KeyRotation rotation = nodeA.rotate().orElseThrow();

        assertThat(rotation.signsFrom()).isEqualTo(clock.instant().plus(REFRESH.multipliedBy(2)));
        assertThat(ids(nodeA.current())).containsExactly(first, rotation.keyId());
        assertThat(ids(nodeB.current())).as("B has not re-read yet").containsExactly(first);
        clock.advance(REFRESH);
        assertThat(ids(nodeB.current())).as("B publishes it, and signs with the old one").containsExactly(first,
                rotation.keyId());

        clock.advance(REFRESH);
        for (DatabaseTokenKeys node : List.of(nodeA, nodeB)) {
            assertThat(ids(node.current())).as("both sign with it; the old one still verifies")
                    .containsExactly(rotation.keyId(), first);
        }

        clock.advance(LIFETIME.plus(AccessTokenVerifier.CLOCK_SKEW));
        assertThat(ids(nodeB.current())).as("the old key's tokens have expired").containsExactly(rotation.keyId());
        KeyRotation next = nodeB.rotate().orElseThrow();
        assertThat(TestDatabase.rows("jp_token_key")).as("the retired key left the table").isEqualTo(2L);
        assertThat(ids(nodeB.current())).containsExactly(rotation.keyId(), next.keyId());
    }

    private static List<String> ids(TokenKeys keys) {
        return keys.verification().stream().map(SigningKey::keyId).toList();
    }

    private static DatabaseTokenKeys node(String secret) {
        return node(secret, Clock.systemUTC());
    }

    private static DatabaseTokenKeys node(String secret, Clock clock) {
        return new DatabaseTokenKeys(TestDatabase.TRANSACTIONS, new PrivateKeyEncryption(secret), REFRESH, LIFETIME,
                clock);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.DATABASE.getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
