package org.jpasskeys.state;

import java.time.Clock;

import org.jpasskeys.testing.TestDatabase;

/** Against an H2 database migrated by the module's changelog, each call in a transaction of its own. */
class DatabaseAtomicValuesTest extends AtomicValuesContract {

    private final AtomicValues store = new DatabaseAtomicValues(TestDatabase.TRANSACTIONS, 10_000, Clock.systemUTC());

    @Override
    AtomicValues store() {
        return store;
    }
}
