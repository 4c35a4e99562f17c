package org.jpasskeys.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Short-lived values that are handed out at most once (pending challenges, {@code mfaChallenge} tokens), in this
 * JVM or shared by every node of a cluster ({@code passkeys.state.store}).
 */
public interface OneTimeValues {

    /** Keeps {@code value} under {@code key} until it is taken or {@code expiresAt} passes. */
    void put(String key, String value, Instant expiresAt);

    /**
     * Removes the value and returns it if it has not expired. Atomic on every node together: of any number of
     * concurrent calls with one key, at most one gets the value.
     */
    Optional<String> take(String key);
}
