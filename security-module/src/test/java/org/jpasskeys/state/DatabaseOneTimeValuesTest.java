package org.jpasskeys.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jpasskeys.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Against an H2 database migrated by the module's changelog, each call in a transaction of its own. */
class DatabaseOneTimeValuesTest extends OneTimeValuesContract {

    private static final long MAX_ENTRIES = 1_000;

    private final OneTimeValues store = new DatabaseOneTimeValues(TestDatabase.TRANSACTIONS, MAX_ENTRIES, clock);

    @Override
    OneTimeValues store() {
        return store;
    }

    @Test
    void theTableStaysWithinItsBoundAndTheNewestValuesStay() {
        for (int i = 0; i < 2 * MAX_ENTRIES + TableBound.CHECK_EVERY; i++) {
            store.put("flood-" + i, "v", clock.instant().plus(Duration.ofMinutes(5)).plusMillis(i));
        }

        assertThat(TestDatabase.rows("jp_one_time_value")).isLessThanOrEqualTo(MAX_ENTRIES + TableBound.CHECK_EVERY);
        String newest = "flood-" + (2 * MAX_ENTRIES + TableBound.CHECK_EVERY - 1);
        assertThat(store.take(newest)).contains("v");
        assertThat(store.take("flood-0")).as("the one closest to expiry went first").isEmpty();
    }
}
