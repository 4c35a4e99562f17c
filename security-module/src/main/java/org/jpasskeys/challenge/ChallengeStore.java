package org.jpasskeys.challenge;

import java.util.Optional;

/**
 * Where issued challenges wait for their answer. Implementations keep a bounded number of them,
 * forget them after their time to live, and hand each one out at most once.
 */
public interface ChallengeStore {

    /** Keeps a newly issued challenge until it is taken or expires. */
    void put(PendingChallenge challenge);

    /**
     * Removes the challenge and returns it if it is still pending. Atomic: of any number of concurrent
     * calls with the same challenge, at most one gets it, whatever becomes of the answer afterwards.
     */
    Optional<PendingChallenge> take(String challenge);

    /** How many challenges are pending now on this node (approximate under concurrency); -1 for a shared store. */
    long pendingCount();
}
