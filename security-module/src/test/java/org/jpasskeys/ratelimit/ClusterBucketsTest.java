package org.jpasskeys.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jpasskeys.state.AtomicValues;
import org.jpasskeys.state.DatabaseAtomicValues;
import org.jpasskeys.testing.ManualTimeMeter;
import org.jpasskeys.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Two nodes' limiters over one shared database: the limit holds for the cluster, not per node. */
class ClusterBucketsTest {

    private final ManualTimeMeter wallClock = ManualTimeMeter.wallClockNow();
    private final DatabaseAtomicValues shared = new DatabaseAtomicValues(TestDatabase.TRANSACTIONS, 10_000,
            Clock.systemUTC());
    private final RateLimiter nodeA = new RateLimiter("per-address", 10, new ClusterBuckets(shared, wallClock));
    private final RateLimiter nodeB = new RateLimiter("per-address", 10, new ClusterBuckets(shared, wallClock));

    @Test
    void ofTwentyFourConcurrentRequestsSplitOverTwoNodesExactlyTenPass() throws Exception {
        String address = "198.51.100." + UUID.randomUUID();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            RateLimiter node = i % 2 == 0 ? nodeA : nodeB;
            answers.add(clients.submit(() -> {
                start.await();
                return node.tryAcquire(address).allowed();
            }));
        }
        start.countDown();
        int allowed = 0;
        for (Future<Boolean> answer : answers) {
            allowed += answer.get() ? 1 : 0;
        }
        clients.shutdown();

        assertThat(allowed).isEqualTo(10);
        RateLimitDecision refused = nodeB.tryAcquire(address);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 6L);
        assertThat(nodeA.tryAcquire("198.51.100.other-" + UUID.randomUUID()).allowed()).as("other keys").isTrue();
    }

    @Test
    void manyConcurrentRequestsOfOneAddressUnderItsLimitAllPassDespiteContention() throws Exception {
        RateLimiter busyA = new RateLimiter("per-address", 1_000, new ClusterBuckets(shared, wallClock));
        RateLimiter busyB = new RateLimiter("per-address", 1_000, new ClusterBuckets(shared, wallClock));
        String proxy = "192.0.2." + UUID.randomUUID();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            RateLimiter node = i % 2 == 0 ? busyA : busyB;
            answers.add(clients.submit(() -> node.tryAcquire(proxy).allowed()));
        }
        int allowed = 0;
        for (Future<Boolean> answer : answers) {
            allowed += answer.get() ? 1 : 0;
        }
        clients.shutdown();

        assertThat(allowed).isEqualTo(200);
    }

    @Test
    void aNodeSendsOneSwapAtATimeForAKeyHoweverManyOfItsRequestsWait() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger swaps = new AtomicInteger();
        AtomicValues slowShared = new AtomicValues() {
            @Override
            public Optional<String> get(String key) {
                return shared.get(key);
            }

            @Override
            public boolean create(String key, String value, Instant expiresAt) {
                return shared.create(key, value, expiresAt);
            }

            @Override
            public boolean replace(String key, String expected, String value, Instant expiresAt) {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(2); // a store across the network
                    swaps.incrementAndGet();
                    return shared.replace(key, expected, value, expiresAt);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        };
        RateLimiter node = new RateLimiter("per-address", 1_000, new ClusterBuckets(slowShared, wallClock));
        String proxy = "192.0.2." + UUID.randomUUID();
        assertThat(node.tryAcquire(proxy).allowed()).as("the first request creates the bucket").isTrue();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            answers.add(clients.submit(() -> node.tryAcquire(proxy).allowed()));
        }
        int allowed = 0;
        for (Future<Boolean> answer : answers) {
            allowed += answer.get() ? 1 : 0;
        }
        clients.shutdown();

        assertThat(allowed).isEqualTo(160);
        assertThat(mostInFlight.get()).as("swaps of one key in flight at once").isEqualTo(1);
        assertThat(swaps.get()).as("waiting requests combined into one swap").isLessThan(160);
    }

    @Test
    void theSharedBucketRefillsOverTheMinute() {
        String address = "203.0.113." + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            assertThat((i % 2 == 0 ? nodeA : nodeB).tryAcquire(address).allowed()).isTrue();
        }
        assertThat(nodeA.tryAcquire(address).allowed()).isFalse();

        wallClock.advance(Duration.ofSeconds(6));

        assertThat(nodeB.tryAcquire(address).allowed()).as("one request refilled after 6 s").isTrue();
        assertThat(nodeA.tryAcquire(address).allowed()).isFalse();
    }

    @Test
    void aKeyTooLongForTheStoreIsCountedUnderItsDigest() {
        String longAddress = "2001:db8::" + "f".repeat(300) + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            assertThat(nodeA.tryAcquire(longAddress).allowed()).isTrue();
        }

        assertThat(nodeB.tryAcquire(longAddress).allowed()).isFalse();
        assertThat(ClusterBuckets.storedKey(longAddress)).hasSizeLessThanOrEqualTo(ClusterBuckets.MAX_KEY_LENGTH);
    }

    @Test
    void aKeyOtherNodesKeepChangingFirstIsRefusedAfterItsAttemptsInsteadOfRetryingForever() throws Exception {
        AtomicInteger swaps = new AtomicInteger();
        Map<String, String> values = new ConcurrentHashMap<>();
        AtomicValues alwaysBeaten = new AtomicValues() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public boolean create(String key, String value, Instant expiresAt) {
                return values.putIfAbsent(key, value) == null;
            }

            @Override
            public boolean replace(String key, String expected, String value, Instant expiresAt) {
                swaps.incrementAndGet();
                return false; // another node was always first
            }
        };
        RateLimiter limiter = new RateLimiter("per-address", 10, new ClusterBuckets(alwaysBeaten, wallClock));
        assertThat(limiter.tryAcquire("192.0.2.9").allowed()).as("the first request creates the bucket").isTrue();

        RateLimitDecision refused = limiter.tryAcquire("192.0.2.9");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(swaps.get()).isBetween(2, ClusterBuckets.MAX_ATTEMPTS);

        // Requests that waited for that swap share its failure (wrapped by Bucket4j's batching): refused as well.
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<RateLimitDecision>> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(clients.submit(() -> limiter.tryAcquire("192.0.2.9")));
        }
        for (Future<RateLimitDecision> decision : waiting) {
            assertThat(decision.get().allowed()).isFalse();
        }
        clients.shutdown();
    }
}
