package org.jpasskeys.state;

import org.jpasskeys.testing.TestDatabase;

/** Against an H2 database migrated by the module's changelog, each call in a transaction of its own. */
class DatabaseOneTimeValuesTest extends OneTimeValuesContract {

    private final OneTimeValues store = new DatabaseOneTimeValues(TestDatabase.TRANSACTIONS, clock);

    @Override
    OneTimeValues store() {
        return store;
    }
}
