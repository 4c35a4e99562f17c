package org.jpasskeys.state;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * What the store chosen by {@code passkeys.state.store} keeps.
 *
 * @param oneTimeValues pending challenges and {@code mfaChallenge} tokens
 * @param atomicValues  rate-limit buckets shared by the cluster; empty for the local store, whose buckets are
 *                      plain objects in this JVM
 * @param resources     what the store opened for this application, closed when it stops
 * @param members       how many nodes share the store now, when it can tell (a Hazelcast grid can)
 */
public record StateStore(OneTimeValues oneTimeValues, Optional<AtomicValues> atomicValues, AutoCloseable resources,
                         Supplier<OptionalInt> members) {

    public StateStore {
        Objects.requireNonNull(oneTimeValues);
        Objects.requireNonNull(atomicValues);
        Objects.requireNonNull(resources);
        Objects.requireNonNull(members);
    }
}
