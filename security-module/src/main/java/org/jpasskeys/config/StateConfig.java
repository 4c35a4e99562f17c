package org.jpasskeys.config;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the state between a ceremony's two requests lives: pending challenges and {@code mfaChallenge} tokens.
 *
 * @param store          {@code passkeys.state.store}
 * @param jcacheProvider {@code passkeys.state.jcache.provider}: the {@code CachingProvider} class, when the
 *                       application ships several or the server's own should not be used
 * @param jcacheUri      {@code passkeys.state.jcache.uri}: the provider's configuration
 * @param expectedMembers {@code passkeys.state.jcache.expected-members}: readiness stays down until the grid has
 *                       this many members, so that a node that has not joined its cluster yet gets no traffic
 */
public record StateConfig(Store store, Optional<String> jcacheProvider, Optional<URI> jcacheUri,
                          int expectedMembers) {

    /** {@code local}: this JVM; {@code jcache}: a JSR-107 grid; {@code database}: the module's database. */
    public enum Store {
        LOCAL, JCACHE, DATABASE;

        static Store parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("use local, jcache or database", e);
            }
        }
    }

    public StateConfig {
        Objects.requireNonNull(store, "passkeys.state.store");
        Objects.requireNonNull(jcacheProvider);
        Objects.requireNonNull(jcacheUri);
        PasskeysConfig.requirePositive(expectedMembers, "passkeys.state.jcache.expected-members");
    }

    public static StateConfig local() {
        return new StateConfig(Store.LOCAL, Optional.empty(), Optional.empty(), 1);
    }
}
