package org.jpasskeys.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jpasskeys.config.OperationsConfig;

/**
 * Answers, for every request with a session or a Bearer token, whether its sign-in still counts: the account's
 * standing, and whether that one sign-in was ended by its sign-out or by the deletion of its passkey. What a node
 * read of an account is kept for {@code passkeys.revocation.check-interval} (5 s by default), so a request costs
 * no database round trip in the common case; the node that revokes forgets it at once, other nodes within that
 * interval. That interval is the bound on how long a revoked session or token can still work. A sign-in always
 * reads the account's standing afresh, so a disabled account cannot sign in on a node that has not yet noticed.
 */
public final class Revocations {

    private static final long MAX_ACCOUNTS_KEPT = 100_000;
    // Past a token's lifetime, for the clocks of the issuing and the checking node (30 s each way).
    private static final Duration REMEMBERED_PAST_TOKEN_LIFETIME = Duration.ofMinutes(1);
    // One sign-out in so many also clears out what no token can need any more.
    private static final long FORGET_EVERY = 64;

    /** What a node knows of an account for one check interval. */
    private record Admission(AccountStanding standing, RevokedSignIns revoked) {
    }

    private final AccountStandingStore store;
    private final Duration remembered;
    private final Clock clock;
    private final LoadingCache<String, Admission> admissions;
    private final AtomicLong signOuts = new AtomicLong();

    /**
     * @param tokenLifetime how long a token of a sign-in can be valid: an ended sign-in is remembered that long
     * @param ticker        how long what was read has been kept
     */
    public Revocations(AccountStandingStore store, OperationsConfig config, Duration tokenLifetime, Clock clock,
                       Ticker ticker) {
        this.store = store;
        this.remembered = tokenLifetime.plus(REMEMBERED_PAST_TOKEN_LIFETIME);
        this.clock = clock;
        this.admissions = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(config.standingCheckInterval())
                .maximumSize(MAX_ACCOUNTS_KEPT)
                .executor(Runnable::run)
                .build(userId -> new Admission(store.find(userId),
                        store.revokedSince(userId, clock.instant().minus(remembered))));
    }

    /**
     * The account's standing read afresh for a sign-in by another method than a passkey (a passkey's sign-in
     * reads it with the passkey): it may sign in when
     * {@link AccountStanding#maySignIn()}, and its session and token carry the {@link AccountStanding#sessionEpoch()}.
     * Not kept for other requests: a revocation that commits after this read must not be undone by it (the
     * sign-in's session then carries an old epoch and ends at its next request).
     */
    public AccountStanding atSignIn(String userId) {
        return store.find(userId);
    }

    /** Whether {@code signIn} still counts: its account admits its epoch, and it was not ended on its own. */
    public boolean admits(SignIn signIn) {
        Admission admission = admissions.get(signIn.userId());
        return admission.standing().admits(signIn.sessionEpoch()) && !admission.revoked().ended(signIn);
    }

    /** Ends {@code signIn} (its session and every token issued for it): a sign-out. */
    public void endSignIn(SignIn signIn) {
        Instant now = clock.instant();
        store.endSignIn(signIn, now);
        admissions.invalidate(signIn.userId());
        if (signOuts.incrementAndGet() % FORGET_EVERY == 0) {
            store.forgetRevokedBefore(now.minus(remembered));
        }
    }

    /** The account deleted one of its passkeys: this node stops admitting that passkey's sign-ins at once. */
    public void passkeyDeleted(String userId) {
        admissions.invalidate(userId);
    }

    /** Disables the account and ends its sessions and tokens; false when there is no such account. */
    public boolean disable(String userId) {
        return changed(userId, store.setDisabled(userId, true));
    }

    /** Lets a disabled account sign in again (its old sessions stay ended); false when there is no such account. */
    public boolean enable(String userId) {
        return changed(userId, store.setDisabled(userId, false));
    }

    /** Ends every session and token of the account; false when there is no such account. */
    public boolean signOutEverywhere(String userId) {
        return changed(userId, store.signOut(userId));
    }

    /** See {@link AccountStandingStore#revokePasskeys}. */
    public int revokePasskeys(String userId, Optional<byte[]> credentialId) {
        int removed = store.revokePasskeys(userId, credentialId);
        admissions.invalidate(userId);
        return removed;
    }

    private boolean changed(String userId, boolean changed) {
        admissions.invalidate(userId);
        return changed;
    }
}
