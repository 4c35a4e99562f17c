package org.jpasskeys.credential;

import java.util.Optional;

/** Accounts that can hold passkeys. Lookups return {@link Optional#empty()}, never null. */
public interface UserRepository {

    Optional<UserAccount> findByUserHandle(byte[] userHandle);

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findById(String id);

    /**
     * Creates an account without passkeys, for an application that signs it in another way first.
     *
     * @throws DuplicateException when the username is taken; nothing was stored
     */
    void create(UserAccount account);

    /**
     * Creates an account together with its first passkey, in one transaction: both are stored or neither.
     *
     * @throws DuplicateException when the username or the credential id is taken; nothing was stored
     */
    void createWithCredential(UserAccount account, StoredCredential firstCredential);
}
