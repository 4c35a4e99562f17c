package org.jpasskeys.state;

import java.time.Duration;
import java.util.Optional;

/** Against Caffeine's JSR-107 provider, through the same lookup the module uses on a server. */
class JCacheAtomicValuesTest extends AtomicValuesContract {

    private final AtomicValues store = JCacheStores.open(Optional.of(JCacheOneTimeValuesTest.CAFFEINE), Optional.empty())
            .atomicValues(Duration.ofMinutes(2));

    @Override
    AtomicValues store() {
        return store;
    }
}
