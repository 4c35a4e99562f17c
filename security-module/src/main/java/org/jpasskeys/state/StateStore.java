package org.jpasskeys.state;

import java.util.Objects;
import java.util.Optional;

/**
 * What the store chosen by {@code passkeys.state.store} keeps.
 *
 * @param oneTimeValues pending challenges and {@code mfaChallenge} tokens
 * @param atomicValues  rate-limit buckets shared by the cluster; empty for the local store, whose buckets are
 *                      plain objects in this JVM
 * @param resources     what the store opened for this application, closed when it stops
 */
public record StateStore(OneTimeValues oneTimeValues, Optional<AtomicValues> atomicValues, AutoCloseable resources) {

    public StateStore {
        Objects.requireNonNull(oneTimeValues);
        Objects.requireNonNull(atomicValues);
        Objects.requireNonNull(resources);
    }
}
