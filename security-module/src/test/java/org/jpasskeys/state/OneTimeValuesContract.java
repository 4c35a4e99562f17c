package org.jpasskeys.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jpasskeys.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** What every {@link OneTimeValues} promises; one subclass per store. */
abstract class OneTimeValuesContract {

    static final Duration TTL = Duration.ofMinutes(5);

    // Whole milliseconds: the databases keep microseconds at most.
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    /** The store under test, reading time from {@link #clock}. */
    abstract OneTimeValues store();

    @Test
    void aValueIsHandedOutOnce() {
        String key = key();
        store().put(key, "value of " + key, clock.instant().plus(TTL));

        assertThat(store().take(key)).contains("value of " + key);
        assertThat(store().take(key)).isEmpty();
    }

    @Test
    void anUnknownKeyGivesNothing() {
        assertThat(store().take(key())).isEmpty();
    }

    @Test
    void aValueIsNotHandedOutOnceItsTimeHasPassed() {
        String inside = key();
        String outside = key();
        store().put(inside, "inside", clock.instant().plus(TTL));
        store().put(outside, "outside", clock.instant().plus(TTL));

        clock.advance(TTL.minusMillis(1));
        assertThat(store().take(inside)).contains("inside");
        clock.advance(Duration.ofMillis(1));
        assertThat(store().take(outside)).isEmpty();
    }

    @Test
    void valuesKeepEveryCharacter() {
        String key = key();
        String value = "{\"user\":\"Zoë 🙂\",\"origins\":[\"https://example.com\"]} with spaces";
        store().put(key, value, clock.instant().plus(TTL));

        assertThat(store().take(key)).contains(value);
    }

    @Test
    void sixteenConcurrentTakesOfOneValueSucceedOnce() throws Exception {
        String key = key();
        store().put(key, "once", clock.instant().plus(TTL));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<String>>> takes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            takes.add(pool.submit(() -> {
                start.await();
                return store().take(key);
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Optional<String>> take : takes) {
            winners += take.get().isPresent() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }
}
