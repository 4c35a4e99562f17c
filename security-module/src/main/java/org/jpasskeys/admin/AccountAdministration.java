package org.jpasskeys.admin;

import java.util.List;
import java.util.Optional;

import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.ceremony.CeremonyFailure;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.revocation.Revocations;

/**
 * What an administrator does to an account: find it, list and revoke its passkeys, disable and re-enable it,
 * end its sessions. Revoking a passkey also ends the account's sessions and tokens, as does disabling it, in the
 * same transaction; this node forgets what it read of the account at once, the others within
 * {@code passkeys.revocation.check-interval}.
 */
public final class AccountAdministration {

    /** The most accounts one search answers. */
    public static final int MAX_RESULTS = 50;

    private final AccountDirectory directory;
    private final CredentialRepository credentials;
    private final Revocations revocations;

    public AccountAdministration(AccountDirectory directory, CredentialRepository credentials,
                                 Revocations revocations) {
        this.directory = directory;
        this.credentials = credentials;
        this.revocations = revocations;
    }

    public List<AccountSummary> search(String usernamePart) {
        return directory.search(usernamePart.strip(), MAX_RESULTS);
    }

    /** Which authenticator models hold the passkeys, the most used first. */
    public List<AuthenticatorModelSummary> authenticatorModels() {
        return directory.authenticatorModels();
    }

    public List<StoredCredential> passkeys(String userId) {
        requireAccount(userId);
        return credentials.findByUserId(userId);
    }

    /** Removes one passkey of the account, even its last one, and ends the account's sessions and tokens. */
    public void revokePasskey(String userId, String credentialId) {
        byte[] id;
        try {
            id = CredentialIds.decode(credentialId);
        } catch (IllegalArgumentException e) {
            throw notFound("No such passkey on this account.");
        }
        int removed = revocations.revokePasskeys(userId, Optional.of(id));
        requireFound(removed >= 0);
        if (removed == 0) {
            throw notFound("No such passkey on this account.");
        }
    }

    /** Removes every passkey of the account and ends its sessions and tokens; answers how many were removed. */
    public int revokeAllPasskeys(String userId) {
        int removed = revocations.revokePasskeys(userId, Optional.empty());
        requireFound(removed >= 0);
        return removed;
    }

    public void disable(String userId) {
        requireFound(revocations.disable(userId));
    }

    public void enable(String userId) {
        requireFound(revocations.enable(userId));
    }

    public void signOutEverywhere(String userId) {
        requireFound(revocations.signOutEverywhere(userId));
    }

    private void requireAccount(String userId) {
        requireFound(directory.find(userId).isPresent());
    }

    private static void requireFound(boolean found) {
        if (!found) {
            throw notFound("No such account.");
        }
    }

    private static CeremonyException notFound(String detail) {
        return new CeremonyException(CeremonyFailure.NOT_FOUND, detail);
    }
}
