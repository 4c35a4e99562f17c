package org.jpasskeys.challenge;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The challenge store, fair between clients: one client (its address, an IPv6 client by its prefix) holds at most
 * {@code maxPerClient} unanswered challenges, and one more ends its own oldest, so that a flood of options never
 * answered cannot push other people's out of the bounded store. A challenge counts from its issue until it is taken
 * here; one answered on another node of a cluster counts here until it ages out, and ending it then ends nothing.
 */
public final class PendingPerClient implements ChallengeStore {

    private final ChallengeStore challenges;
    private final int maxPerClient;
    private final Cache<String, ArrayDeque<String>> pendingByClient;
    private final Cache<String, String> clientOf;

    /** @param ttl how long a challenge lives: a client quiet that long holds none */
    public PendingPerClient(ChallengeStore challenges, int maxPerClient, long maxPending, Duration ttl) {
        this.challenges = challenges;
        this.maxPerClient = maxPerClient;
        // As many clients as challenges can be pending: a client forgotten early could go past its bound.
        this.pendingByClient = Caffeine.newBuilder().expireAfterAccess(ttl).maximumSize(maxPending)
                .executor(Runnable::run).build();
        this.clientOf = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxPending)
                .executor(Runnable::run).build();
    }

    /** Counts {@code challenge}, just issued to {@code client}, and ends the client's oldest past the bound. */
    public void issued(String client, String challenge) {
        clientOf.put(challenge, client);
        ArrayDeque<String> pending = pendingByClient.get(client, key -> new ArrayDeque<>(2));
        String oldest;
        synchronized (pending) {
            pending.addLast(challenge);
            oldest = pending.size() > maxPerClient ? pending.pollFirst() : null;
        }
        if (oldest != null) {
            clientOf.invalidate(oldest);
            challenges.take(oldest);
        }
    }

    @Override
    public void put(PendingChallenge challenge) {
        challenges.put(challenge);
    }

    /** Takes the challenge, and it no longer counts against its client. */
    @Override
    public Optional<PendingChallenge> take(String challenge) {
        String client = clientOf.asMap().remove(challenge);
        ArrayDeque<String> pending = client == null ? null : pendingByClient.getIfPresent(client);
        if (pending != null) {
            synchronized (pending) {
                pending.remove(challenge);
            }
        }
        return challenges.take(challenge);
    }

    @Override
    public long pendingCount() {
        return challenges.pendingCount();
    }
}
