package org.jpasskeys.challenge;

import java.time.Duration;
import java.util.ArrayDeque;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Keeps one client from filling the bounded challenge store with challenges it never answers, pushing other
 * people's out: a client (its address, an IPv6 client by its prefix) holds at most {@code maxPerClient} recent
 * challenges, and one more takes its own oldest out of the store. Counted on this node, for the challenges it issued.
 */
public final class PendingPerClient {

    private final ChallengeStore challenges;
    private final int maxPerClient;
    private final Cache<String, ArrayDeque<String>> recentByClient;

    /** @param ttl how long a challenge lives: a client quiet that long holds none */
    public PendingPerClient(ChallengeStore challenges, int maxPerClient, long maxPending, Duration ttl) {
        this.challenges = challenges;
        this.maxPerClient = maxPerClient;
        this.recentByClient = Caffeine.newBuilder()
                .expireAfterAccess(ttl)
                // As many clients as challenges can be pending: a client forgotten early could go past its bound.
                .maximumSize(maxPending)
                .executor(Runnable::run)
                .build();
    }

    /** Counts {@code challenge}, just issued to {@code client}, and ends the client's oldest past the bound. */
    public void issued(String client, String challenge) {
        ArrayDeque<String> recent = recentByClient.get(client, key -> new ArrayDeque<>(2));
        String oldest;
        synchronized (recent) {
            recent.addLast(challenge);
            oldest = recent.size() > maxPerClient ? recent.pollFirst() : null;
        }
        if (oldest != null) {
            // Already answered or expired most of the time: then nothing is left to take.
            challenges.take(oldest);
        }
    }
}
