package org.jpasskeys.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** What every {@link AtomicValues} promises; one subclass per store. */
abstract class AtomicValuesContract {

    private static final Instant LATER = Instant.now().plus(Duration.ofMinutes(2));

    abstract AtomicValues store();

    @Test
    void aKeyIsCreatedOnceAndReplacedOnlyFromWhatItHolds() {
        String key = key();
        assertThat(store().get(key)).isEmpty();
        assertThat(store().replace(key, "a", "b", LATER)).as("nothing to replace").isFalse();

        assertThat(store().create(key, "a", LATER)).isTrue();
        assertThat(store().create(key, "z", LATER)).isFalse();
        assertThat(store().replace(key, "stale", "b", LATER)).isFalse();
        assertThat(store().get(key)).contains("a");
        assertThat(store().replace(key, "a", "b", LATER)).isTrue();
        assertThat(store().get(key)).contains("b");
    }

    @Test
    void concurrentWritersOnManyThreadsLoseNoUpdate() throws Exception {
        String key = key();
        int writers = 8;
        int incrementsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < incrementsEach; n++) {
                    increment(key);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : done) {
            writer.get();
        }
        pool.shutdown();

        assertThat(store().get(key)).contains(String.valueOf(writers * incrementsEach));
    }

    /** A compare-and-set loop, as Bucket4j runs one. */
    private void increment(String key) {
        while (true) {
            var current = store().get(key);
            boolean swapped = current.isEmpty() ? store().create(key, "1", LATER)
                    : store().replace(key, current.get(), String.valueOf(Long.parseLong(current.get()) + 1), LATER);
            if (swapped) {
                return;
            }
        }
    }

    private static String key() {
        return "per-address " + UUID.randomUUID();
    }
}
