package org.jpasskeys.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jpasskeys.testing.MutableClock;
import org.junit.jupiter.api.Test;

class CaffeineChallengeStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ChallengeGenerator generator = new ChallengeGenerator();

    @Test
    void aChallengeIsHandedOutOnce() {
        CaffeineChallengeStore store = new CaffeineChallengeStore(Duration.ofMinutes(5), 100, clock);
        PendingChallenge issued = pending(generator.newChallenge());
        store.put(issued);

        assertThat(store.take(issued.challenge())).contains(issued);
        assertThat(store.take(issued.challenge())).isEmpty();
    }

    @Test
    void aChallengeExpiresAfterItsTimeToLive() {
        CaffeineChallengeStore store = new CaffeineChallengeStore(Duration.ofMinutes(5), 100, clock);
        PendingChallenge inside = pending(generator.newChallenge());
        PendingChallenge outside = pending(generator.newChallenge());
        store.put(inside);
        store.put(outside);

        clock.advance(Duration.ofMinutes(5).minusNanos(1));
        assertThat(store.take(inside.challenge())).contains(inside);
        clock.advance(Duration.ofNanos(1));
        assertThat(store.take(outside.challenge())).isEmpty();
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void theNumberOfPendingChallengesIsBounded() {
        CaffeineChallengeStore store = new CaffeineChallengeStore(Duration.ofMinutes(5), 1_000, clock);
        for (int i = 0; i < 50_000; i++) {
            store.put(pending(generator.newChallenge()));
        }

        assertThat(store.pendingCount()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void concurrentTakesOfOneChallengeSucceedOnce() throws Exception {
        CaffeineChallengeStore store = new CaffeineChallengeStore(Duration.ofMinutes(5), 100, clock);
        PendingChallenge issued = pending(generator.newChallenge());
        store.put(issued);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<PendingChallenge>>> takes = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            takes.add(pool.submit(() -> {
                start.await();
                return store.take(issued.challenge());
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Optional<PendingChallenge>> take : takes) {
            winners += take.get().isPresent() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
    }

    @Test
    void challengesAre32RandomBytesAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String challenge = generator.newChallenge();
            assertThat(Base64.getUrlDecoder().decode(challenge)).hasSize(32);
            seen.add(challenge);
        }

        assertThat(seen).hasSize(100_000);
    }

    private PendingChallenge pending(String challenge) {
        return new PendingChallenge(challenge, CeremonyType.AUTHENTICATION, Optional.empty(),
                Set.of("https://example.com"), clock.instant().plus(Duration.ofMinutes(5)));
    }
}
