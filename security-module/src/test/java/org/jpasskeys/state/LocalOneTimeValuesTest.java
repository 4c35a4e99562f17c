package org.jpasskeys.state;

class LocalOneTimeValuesTest extends OneTimeValuesContract {

    private final LocalOneTimeValues store = new LocalOneTimeValues(TTL, 1_000, clock);

    @Override
    OneTimeValues store() {
        return store;
    }
}
