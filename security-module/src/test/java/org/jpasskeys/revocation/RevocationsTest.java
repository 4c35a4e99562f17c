package org.jpasskeys.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jpasskeys.config.OperationsConfig;
import org.jpasskeys.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RevocationsTest {

    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final CountingStore store = new CountingStore();
    private final Revocations revocations = new Revocations(store,
            new OperationsConfig("admin", "admin", List.of(), false, Duration.ofSeconds(5)), LIFETIME, clock,
            () -> clock.millis() * 1_000_000);

    @Test
    void aSignInOfAnAccountInGoodStandingCountsWithOneReadForManyRequests() {
        store.add("alice");
        long epoch = revocations.atSignIn("alice").sessionEpoch();
        store.reads.set(0);

        for (int i = 0; i < 100; i++) {
            assertThat(revocations.admits(signIn("alice", epoch))).isTrue();
        }
        assertThat(store.reads).as("one read serves the requests of the check interval").hasValue(1);
    }

    @Test
    void aSignInThatReadBeforeARevocationDoesNotUndoItOnThisNode() {
        store.add("alice");
        long epoch = revocations.atSignIn("alice").sessionEpoch();
        assertThat(revocations.admits(signIn("alice", epoch))).isTrue();

        // A sign-in read alice (in its transaction) before the administrator's revocation committed.
        AccountStanding readBefore = revocations.atSignIn("alice");
        assertThat(revocations.signOutEverywhere("alice")).isTrue();

        assertThat(revocations.admits(signIn("alice", readBefore.sessionEpoch()))).as("the late sign-in's session")
                .isFalse();
        assertThat(revocations.admits(signIn("alice", epoch))).as("the earlier sessions").isFalse();
    }

    @Test
    void aSignInReadsTheStandingAfreshEvenWhenThisNodeHoldsAnOlderOne() {
        store.add("alice");
        long epoch = revocations.atSignIn("alice").sessionEpoch();
        assertThat(revocations.admits(signIn("alice", epoch))).isTrue();

        // Another node disables alice: this node's cache does not know yet, but a sign-in does.
        store.setDisabled("alice", true);

        assertThat(revocations.atSignIn("alice").maySignIn()).isFalse();
    }

    @Test
    void signingOutEverywhereVoidsEarlierSignInsOnlyAndAtOnceOnThisNode() {
        store.add("alice");
        store.add("bob");
        long earlier = revocations.atSignIn("alice").sessionEpoch();
        long bobs = revocations.atSignIn("bob").sessionEpoch();

        assertThat(revocations.signOutEverywhere("alice")).isTrue();

        assertThat(revocations.admits(signIn("alice", earlier))).isFalse();
        AccountStanding now = revocations.atSignIn("alice");
        assertThat(now.maySignIn()).isTrue();
        assertThat(revocations.admits(signIn("alice", now.sessionEpoch()))).as("a later sign-in").isTrue();
        assertThat(revocations.admits(signIn("bob", bobs))).as("other accounts untouched").isTrue();
    }

    @Test
    void aDisabledAccountIsAdmittedNowhereUntilEnabledAndItsOldSessionsStayVoid() {
        store.add("alice");
        long earlier = revocations.atSignIn("alice").sessionEpoch();

        assertThat(revocations.disable("alice")).isTrue();
        AccountStanding disabled = revocations.atSignIn("alice");
        assertThat(disabled.maySignIn()).isFalse();
        assertThat(revocations.admits(signIn("alice", disabled.sessionEpoch()))).isFalse();

        assertThat(revocations.enable("alice")).isTrue();
        AccountStanding enabled = revocations.atSignIn("alice");
        assertThat(enabled.maySignIn()).isTrue();
        assertThat(revocations.admits(signIn("alice", earlier))).isFalse();
        assertThat(revocations.admits(signIn("alice", enabled.sessionEpoch()))).isTrue();
    }

    @Test
    void revokingAPasskeyEndsTheSessionsOnlyWhenOneWasRemoved() {
        store.add("alice");
        long epoch = revocations.atSignIn("alice").sessionEpoch();

        assertThat(revocations.revokePasskeys("alice", Optional.of(new byte[] {9}))).isZero();
        assertThat(revocations.admits(signIn("alice", epoch))).as("nothing removed, nothing ended").isTrue();

        assertThat(revocations.revokePasskeys("alice", Optional.of(new byte[] {1}))).isOne();
        assertThat(revocations.admits(signIn("alice", epoch))).isFalse();
        assertThat(revocations.revokePasskeys("ghost", Optional.empty())).isEqualTo(-1);
    }

    @Test
    void anotherNodesChangeIsSeenOnceTheCheckIntervalHasPassed() {
        store.add("alice");
        long epoch = revocations.atSignIn("alice").sessionEpoch();
        assertThat(revocations.admits(signIn("alice", epoch))).isTrue();

        // Another node signs alice out: the shared store changes, this node's cache does not know yet.
        store.signOut("alice");
        assertThat(revocations.admits(signIn("alice", epoch))).as("within the check interval").isTrue();
        clock.advance(Duration.ofSeconds(6));

        assertThat(revocations.admits(signIn("alice", epoch))).isFalse();
    }

    @Test
    void anUnknownAccountIsNeitherAdmittedNorChanged() {
        assertThat(revocations.admits(signIn("ghost", AccountStanding.FIRST_SESSION_EPOCH))).isFalse();
        assertThat(revocations.atSignIn("ghost").maySignIn()).isFalse();
        assertThat(revocations.disable("ghost")).isFalse();
        assertThat(revocations.signOutEverywhere("ghost")).isFalse();
    }

    @Test
    void signingOutEndsThatSignInOnlyAndOnEveryNode() {
        store.add("alice");
        long epoch = revocations.atSignIn("alice").sessionEpoch();
        SignIn phone = SignIn.start("alice", epoch, Optional.of("phone-key"), clock.instant());
        SignIn laptop = SignIn.start("alice", epoch, Optional.empty(), clock.instant());
        Revocations otherNode = new Revocations(store, new OperationsConfig("admin", "admin", List.of(), false,
                Duration.ofSeconds(5)), LIFETIME, clock, () -> clock.millis() * 1_000_000);
        assertThat(otherNode.admits(phone)).isTrue();

        revocations.endSignIn(phone);

        assertThat(revocations.admits(phone)).as("at once on this node").isFalse();
        assertThat(revocations.admits(laptop)).as("the account's other sign-ins").isTrue();
        assertThat(otherNode.admits(phone)).as("within the check interval").isTrue();
        clock.advance(Duration.ofSeconds(6));
        assertThat(otherNode.admits(phone)).isFalse();
    }

    @Test
    void aDeletedPasskeyEndsTheSignInsItMadeOnly() {
        store.add("alice");
        long epoch = revocations.atSignIn("alice").sessionEpoch();
        SignIn byLostPhone = SignIn.start("alice", epoch, Optional.of("lost-phone"), clock.instant());
        SignIn byLaptop = SignIn.start("alice", epoch, Optional.of("laptop"), clock.instant());
        assertThat(revocations.admits(byLostPhone)).isTrue();

        store.passkeyDeleted("alice", "lost-phone", clock.instant());
        revocations.passkeyDeleted("alice");

        assertThat(revocations.admits(byLostPhone)).isFalse();
        assertThat(revocations.admits(byLaptop)).isTrue();

        // The same device registered again: its new sign-ins count, once past the clocks' allowance.
        clock.advance(Duration.ofSeconds(31));
        assertThat(revocations.admits(SignIn.start("alice", epoch, Optional.of("lost-phone"), clock.instant())))
                .isTrue();
        assertThat(revocations.admits(byLostPhone)).isFalse();
    }

    @Test
    void anEndedSignInIsRememberedAsLongAsItsTokensLiveAndThenForgotten() {
        store.add("alice");
        SignIn signIn = SignIn.start("alice", revocations.atSignIn("alice").sessionEpoch(), Optional.empty(),
                clock.instant());
        revocations.endSignIn(signIn);
        clock.advance(LIFETIME);
        assertThat(revocations.admits(signIn)).as("while its tokens may live").isFalse();

        clock.advance(Duration.ofMinutes(2));
        for (int i = 1; i < 64; i++) {
            revocations.endSignIn(SignIn.start("alice", 0, Optional.empty(), clock.instant()));
        }

        assertThat(store.ended).as("the 64th sign-out forgot the first").hasSize(63)
                .doesNotContainKey("alice " + signIn.id());
    }

    private SignIn signIn(String userId, long epoch) {
        return new SignIn(userId, epoch, "sign-in-of-" + userId, null, clock.instant());
    }

    /** A shared store in memory that counts its reads; every account holds passkey {1}. */
    private static final class CountingStore implements AccountStandingStore {
        final Map<String, AccountStanding> standings = new HashMap<>();
        final Set<String> passkeys = new HashSet<>();
        final AtomicInteger reads = new AtomicInteger();
        final Map<String, Instant> ended = new HashMap<>();
        final Map<String, Instant> deletedPasskeys = new HashMap<>();

        void passkeyDeleted(String userId, String passkeyId, Instant at) {
            deletedPasskeys.put(userId + " " + passkeyId, at);
        }

        @Override
        public RevokedSignIns revokedSince(String userId, Instant since) {
            return new RevokedSignIns(since(ended, userId, since).keySet(), since(deletedPasskeys, userId, since));
        }

        private static Map<String, Instant> since(Map<String, Instant> revoked, String userId, Instant since) {
            Map<String, Instant> ids = new HashMap<>();
            revoked.forEach((key, at) -> {
                if (key.startsWith(userId + " ") && !at.isBefore(since)) {
                    ids.put(key.substring(userId.length() + 1), at);
                }
            });
            return ids;
        }

        @Override
        public void endSignIn(SignIn signIn, Instant at) {
            ended.put(signIn.userId() + " " + signIn.id(), at);
        }

        @Override
        public void forgetRevokedBefore(Instant cutoff) {
            ended.values().removeIf(at -> at.isBefore(cutoff));
            deletedPasskeys.values().removeIf(at -> at.isBefore(cutoff));
        }

        void add(String userId) {
            standings.put(userId, new AccountStanding(true, false, AccountStanding.FIRST_SESSION_EPOCH));
            passkeys.add(userId);
        }

        @Override
        public AccountStanding find(String userId) {
            reads.incrementAndGet();
            return standings.getOrDefault(userId, AccountStanding.GONE);
        }

        @Override
        public boolean setDisabled(String userId, boolean disabled) {
            AccountStanding old = standings.get(userId);
            if (old == null) {
                return false;
            }
            standings.put(userId, new AccountStanding(true, disabled, old.sessionEpoch() + (disabled ? 1 : 0)));
            return true;
        }

        @Override
        public boolean signOut(String userId) {
            AccountStanding old = standings.get(userId);
            if (old == null) {
                return false;
            }
            standings.put(userId, new AccountStanding(true, old.disabled(), old.sessionEpoch() + 1));
            return true;
        }

        @Override
        public int revokePasskeys(String userId, Optional<byte[]> credentialId) {
            if (!standings.containsKey(userId)) {
                return -1;
            }
            boolean matches = credentialId.map(id -> id.length == 1 && id[0] == 1).orElse(true);
            int removed = matches && passkeys.remove(userId) ? 1 : 0;
            if (removed > 0 || credentialId.isEmpty()) {
                signOut(userId);
            }
            return removed;
        }
    }
}
