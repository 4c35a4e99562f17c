package org.jpasskeys.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jpasskeys.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** One client's unanswered challenges cannot push other people's out of the bounded store. */
class PendingPerClientTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_PENDING = 500;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final CaffeineChallengeStore store = new CaffeineChallengeStore(TTL, MAX_PENDING, clock);
    private final PendingPerClient perClient = new PendingPerClient(store, 64, MAX_PENDING, TTL);

    @Test
    void aFloodingClientEndsItsOwnOldestChallengesNotOtherPeoples() {
        issue("198.51.100.7", "victim-challenge");

        for (int i = 0; i < 10 * MAX_PENDING; i++) {
            issue("203.0.113.66", "flood-" + i);
        }

        assertThat(store.pendingCount()).as("the flooder holds its last 64, the victim one").isEqualTo(65);
        assertThat(perClient.take("victim-challenge")).isPresent();
        assertThat(perClient.take("flood-" + (10 * MAX_PENDING - 1))).as("the flooder's newest").isPresent();
        assertThat(perClient.take("flood-0")).as("the flooder's oldest").isEmpty();
    }

    @Test
    void withoutTheBoundTheSameFloodPushesTheVictimOut() {
        store.put(pending("victim-challenge"));
        for (int i = 0; i < 10 * MAX_PENDING; i++) {
            store.put(pending("flood-" + i));
        }

        assertThat(store.take("victim-challenge")).isEmpty();
    }

    @Test
    void aBusyClientWithManyInFlightKeepsEveryChallengeItAnswers() {
        // One address (a proxy) with 32 sign-ins in flight at a time, 10,000 in all: answers come in any order.
        java.util.ArrayDeque<String> inFlight = new java.util.ArrayDeque<>();
        for (int i = 0; i < 10_000; i++) {
            issue("198.51.100.7", "busy-" + i);
            inFlight.addLast("busy-" + i);
            if (inFlight.size() == 32) {
                String answered = i % 2 == 0 ? inFlight.pollFirst() : inFlight.pollLast();
                assertThat(perClient.take(answered)).as(answered).isPresent();
            }
        }
        inFlight.forEach(challenge -> assertThat(perClient.take(challenge)).as(challenge).isPresent());
    }

    private void issue(String client, String challenge) {
        perClient.put(pending(challenge));
        perClient.issued(client, challenge);
    }

    private PendingChallenge pending(String challenge) {
        return new PendingChallenge(challenge, CeremonyType.AUTHENTICATION, Optional.empty(),
                Set.of("https://example.com"), clock.instant().plus(TTL));
    }
}
