package org.jpasskeys.state;

import java.util.Optional;

/** Against Caffeine's JSR-107 provider, through the same lookup the module uses on a server. */
class JCacheOneTimeValuesTest extends OneTimeValuesContract {

    static final String CAFFEINE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

    private final OneTimeValues store = JCacheStores.open(Optional.of(CAFFEINE), Optional.empty())
            .oneTimeValues(TTL, clock);

    @Override
    OneTimeValues store() {
        return store;
    }
}
