package org.jpasskeys.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.jpasskeys.config.OperationsConfig;
import org.jpasskeys.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RevocationsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final CountingStore store = new CountingStore();
    private final Revocations revocations = new Revocations(store,
            new OperationsConfig("admin", List.of(), false, Duration.ofSeconds(5)), clock,
            () -> clock.millis() * 1_000_000);

    @Test
    void aSignInOfAnAccountInGoodStandingCountsWithOneReadForManyRequests() {
        store.standings.put("alice", new AccountStanding(true, false, Optional.empty()));

        for (int i = 0; i < 100; i++) {
            assertThat(revocations.admits("alice", clock.instant())).isTrue();
        }
        assertThat(revocations.maySignIn("alice")).isTrue();
        assertThat(store.reads).hasValue(1);
    }

    @Test
    void signingOutEverywhereVoidsEarlierSignInsOnlyAndAtOnceOnThisNode() {
        store.standings.put("alice", new AccountStanding(true, false, Optional.empty()));
        store.standings.put("bob", new AccountStanding(true, false, Optional.empty()));
        Instant earlier = clock.instant();
        assertThat(revocations.admits("alice", earlier)).isTrue();
        clock.advance(Duration.ofSeconds(1));

        assertThat(revocations.signOutEverywhere("alice")).isTrue();

        assertThat(revocations.admits("alice", earlier)).isFalse();
        assertThat(revocations.admits("alice", clock.instant())).as("a sign-in in the same instant").isFalse();
        assertThat(revocations.admits("alice", clock.instant().plusMillis(1))).as("a later sign-in").isTrue();
        assertThat(revocations.maySignIn("alice")).isTrue();
        assertThat(revocations.admits("bob", earlier)).as("other accounts untouched").isTrue();
    }

    @Test
    void aDisabledAccountIsAdmittedNowhereUntilEnabledAndItsOldSessionsStayVoid() {
        store.standings.put("alice", new AccountStanding(true, false, Optional.empty()));
        Instant earlier = clock.instant();
        clock.advance(Duration.ofSeconds(1));

        assertThat(revocations.disable("alice")).isTrue();
        assertThat(revocations.maySignIn("alice")).isFalse();
        assertThat(revocations.admits("alice", clock.instant().plusSeconds(1))).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(revocations.enable("alice")).isTrue();
        assertThat(revocations.maySignIn("alice")).isTrue();
        assertThat(revocations.admits("alice", earlier)).isFalse();
        assertThat(revocations.admits("alice", clock.instant())).isTrue();
    }

    @Test
    void anotherNodesChangeIsSeenOnceTheCheckIntervalHasPassed() {
        store.standings.put("alice", new AccountStanding(true, false, Optional.empty()));
        Instant signedIn = clock.instant();
        assertThat(revocations.admits("alice", signedIn)).isTrue();

        // Another node signs alice out: the shared store changes, this node's cache does not know yet.
        store.signOut("alice", clock.instant().plusMillis(1));
        clock.advance(Duration.ofSeconds(6));

        assertThat(revocations.admits("alice", signedIn)).isFalse();
    }

    @Test
    void anUnknownAccountIsNeitherAdmittedNorChanged() {
        assertThat(revocations.admits("ghost", clock.instant())).isFalse();
        assertThat(revocations.maySignIn("ghost")).isFalse();
        assertThat(revocations.disable("ghost")).isFalse();
        assertThat(revocations.signOutEverywhere("ghost")).isFalse();
    }

    /** A shared store in memory that counts its reads. */
    private static final class CountingStore implements AccountStandingStore {
        final Map<String, AccountStanding> standings = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public AccountStanding find(String userId) {
            reads.incrementAndGet();
            return standings.getOrDefault(userId, AccountStanding.GONE);
        }

        @Override
        public boolean setDisabled(String userId, boolean disabled, Instant at) {
            AccountStanding old = standings.get(userId);
            if (old == null) {
                return false;
            }
            standings.put(userId, new AccountStanding(true, disabled, disabled ? Optional.of(at) : old.signedOutAt()));
            return true;
        }

        @Override
        public boolean signOut(String userId, Instant at) {
            AccountStanding old = standings.get(userId);
            if (old == null) {
                return false;
            }
            standings.put(userId, new AccountStanding(true, old.disabled(), Optional.of(at)));
            return true;
        }
    }
}
