package org.jpasskeys.revocation;

import java.time.Clock;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jpasskeys.config.OperationsConfig;

/**
 * Answers, for every request with a session or a Bearer token, whether its sign-in still counts. What a node
 * read of an account is kept for {@code passkeys.revocation.check-interval} (5 s by default), so a request costs
 * no database round trip in the common case; the node that revokes forgets it at once, other nodes within that
 * interval. That interval is the bound on how long a revoked session or token can still work.
 */
public final class Revocations {

    private static final long MAX_ACCOUNTS_KEPT = 100_000;

    private final AccountStandingStore store;
    private final LoadingCache<String, AccountStanding> standings;
    private final Clock clock;

    /**
     * @param clock  when revocations happen
     * @param ticker how long what was read has been kept
     */
    public Revocations(AccountStandingStore store, OperationsConfig config, Clock clock, Ticker ticker) {
        this.store = store;
        this.clock = clock;
        this.standings = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(config.standingCheckInterval())
                .maximumSize(MAX_ACCOUNTS_KEPT)
                .build(store::find);
    }

    /** Whether the account's sign-in at {@code signedInAt} still counts (not disabled, not signed out since). */
    public boolean admits(String userId, Instant signedInAt) {
        return standings.get(userId).admits(signedInAt);
    }

    /** Whether the account may sign in now. */
    public boolean maySignIn(String userId) {
        AccountStanding standing = standings.get(userId);
        return standing.exists() && !standing.disabled();
    }

    /** Disables the account and ends its sessions and tokens; false when there is no such account. */
    public boolean disable(String userId) {
        return changed(userId, store.setDisabled(userId, true, clock.instant()));
    }

    /** Lets a disabled account sign in again (its old sessions stay ended); false when there is no such account. */
    public boolean enable(String userId) {
        return changed(userId, store.setDisabled(userId, false, clock.instant()));
    }

    /** Ends every session and token of the account; false when there is no such account. */
    public boolean signOutEverywhere(String userId) {
        return changed(userId, store.signOut(userId, clock.instant()));
    }

    private boolean changed(String userId, boolean changed) {
        standings.invalidate(userId);
        return changed;
    }
}
