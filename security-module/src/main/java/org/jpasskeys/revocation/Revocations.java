package org.jpasskeys.revocation;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jpasskeys.config.OperationsConfig;

/**
 * Answers, for every request with a session or a Bearer token, whether its sign-in still counts. What a node
 * read of an account is kept for {@code passkeys.revocation.check-interval} (5 s by default), so a request costs
 * no database round trip in the common case; the node that revokes forgets it at once, other nodes within that
 * interval. That interval is the bound on how long a revoked session or token can still work. A sign-in always
 * reads the account's standing afresh, so a disabled account cannot sign in on a node that has not yet noticed.
 */
public final class Revocations {

    private static final long MAX_ACCOUNTS_KEPT = 100_000;

    private final AccountStandingStore store;
    private final LoadingCache<String, AccountStanding> standings;

    /** @param ticker how long what was read has been kept */
    public Revocations(AccountStandingStore store, OperationsConfig config, Ticker ticker) {
        this.store = store;
        this.standings = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(config.standingCheckInterval())
                .maximumSize(MAX_ACCOUNTS_KEPT)
                .build(store::find);
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

    /** Whether the account's sign-in stamped with {@code sessionEpoch} still counts. */
    public boolean admits(String userId, long sessionEpoch) {
        return standings.get(userId).admits(sessionEpoch);
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
        standings.invalidate(userId);
        return removed;
    }

    private boolean changed(String userId, boolean changed) {
        standings.invalidate(userId);
        return changed;
    }
}
