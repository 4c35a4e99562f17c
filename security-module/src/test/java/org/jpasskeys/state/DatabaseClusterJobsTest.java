package org.jpasskeys.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jpasskeys.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseClusterJobsTest {

    private static final Duration EVERY = Duration.ofHours(6);

    @BeforeEach
    void neverRun() {
        TestDatabase.TRANSACTIONS.inNewTransaction(connection -> connection.createStatement().executeUpdate(
                "UPDATE jp_cluster_job SET next_run_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' "
                        + "WHERE name = 'audit-retention'"));
    }

    @Test
    void ofEightNodesLookingAtOnceOneRunsTheJobAndNoneAgainUntilItIsDue() throws Exception {
        // Whole milliseconds, as the databases keep them.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ExecutorService nodes = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            DatabaseClusterJobs node = new DatabaseClusterJobs(TestDatabase.TRANSACTIONS);
            claims.add(nodes.submit(() -> {
                start.await();
                return node.claim("audit-retention", now, EVERY);
            }));
        }
        start.countDown();
        int runs = 0;
        for (Future<Boolean> claim : claims) {
            runs += claim.get() ? 1 : 0;
        }
        nodes.shutdown();
        DatabaseClusterJobs later = new DatabaseClusterJobs(TestDatabase.TRANSACTIONS);

        assertThat(runs).isEqualTo(1);
        assertThat(later.claim("audit-retention", now.plus(EVERY).minusSeconds(1), EVERY)).isFalse();
        assertThat(later.claim("audit-retention", now.plus(EVERY), EVERY)).isTrue();
        assertThat(later.claim("no-such-job", now, EVERY)).isFalse();
    }

    @Test
    void aReleasedClaimIsRunAgainAtTheNextLookButAnotherNodesLaterClaimStays() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DatabaseClusterJobs node = new DatabaseClusterJobs(TestDatabase.TRANSACTIONS);
        assertThat(node.claim("audit-retention", now, EVERY)).isTrue();

        node.release("audit-retention", now, EVERY);

        Instant nextLook = now.plus(Duration.ofMinutes(15));
        assertThat(node.claim("audit-retention", nextLook, EVERY)).isTrue();
        node.release("audit-retention", now, EVERY);
        assertThat(node.claim("audit-retention", nextLook.plusSeconds(1), EVERY)).as("the later claim stays").isFalse();
    }
}
