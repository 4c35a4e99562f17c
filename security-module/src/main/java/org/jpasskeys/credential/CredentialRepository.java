package org.jpasskeys.credential;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registered passkeys. A credential id is unique across all accounts: saving one that exists never
 * overwrites it, since that would let an attacker take over the account that holds it.
 */
public interface CredentialRepository {

    Optional<StoredCredential> findById(byte[] credentialId);

    /**
     * The passkey with its account and the account's standing, in one read, for a sign-in: it needs no transaction
     * (with {@link #recordSignIn}, the one write that follows, it stays consistent on its own).
     */
    Optional<OwnedCredential> findForSignIn(byte[] credentialId);

    List<StoredCredential> findByUserId(String userId);

    /**
     * The shapes of the passkeys of up to {@code accounts} accounts that hold any, by account id, each account's in
     * the order of its allow-list: those of the least ids, a random sample since ids are random, and the same on
     * every node.
     */
    Map<String, List<PasskeyShape>> sampleShapes(int accounts);

    /**
     * Adds a passkey to an existing account that holds fewer than {@code maxPerAccount}, atomically: concurrent
     * additions to one account, on any node, never pass the limit together.
     *
     * @return false when the account holds {@code maxPerAccount} passkeys already; nothing was stored
     * @throws DuplicateException when the credential id is registered already (to anyone); nothing was stored
     */
    boolean add(StoredCredential credential, int maxPerAccount);

    /**
     * Renames one of the account's passkeys.
     *
     * @return false when the account has no such passkey
     */
    boolean rename(String userId, byte[] credentialId, String name);

    /** What became of a request to delete a passkey. */
    enum Deletion { DELETED, NOT_FOUND, LAST_CREDENTIAL }

    /**
     * Deletes one of the account's passkeys, unless it is the account's last one and {@code keepLast};
     * concurrent deletions for one account are serialised, so that together they cannot remove the last
     * passkey either. In the same transaction the sign-ins the passkey made end
     * ({@link org.jpasskeys.revocation.AccountStandingStore#revokedSince}), with their tokens.
     */
    Deletion delete(String userId, byte[] credentialId, boolean keepLast);

    /**
     * Applies a sign-in atomically, in one conditional update that needs no surrounding transaction: the stored
     * counter only moves forward (or stays 0 when the authenticator keeps none), so concurrent sign-ins cannot lose
     * an update.
     *
     * @return false when the update did not apply: the credential is gone or its counter did not advance
     */
    boolean recordSignIn(SignInUpdate update);
}
