package org.jpasskeys.ceremony;

import java.util.List;

import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.StoredCredential;

/**
 * What a signed-in person does with their own passkeys: list, rename, delete. Another account's passkey
 * is {@code not_found}, exactly like one that does not exist.
 */
public final class PasskeyManagement {

    private final CredentialRepository credentials;

    public PasskeyManagement(CeremonyContext context) {
        this.credentials = context.credentials();
    }

    public List<StoredCredential> list(String userId) {
        return credentials.findByUserId(userId);
    }

    public StoredCredential rename(String userId, String credentialId, String name) {
        byte[] id = decode(credentialId);
        String cleaned = Usernames.displayName(name, null, "name");
        if (cleaned == null) {
            throw CeremonyException.invalidRequest("name must not be empty");
        }
        if (!credentials.rename(userId, id, cleaned)) {
            throw notFound();
        }
        return credentials.findById(id).filter(c -> c.userId().equals(userId)).orElseThrow(PasskeyManagement::notFound);
    }

    /** Deletes a passkey; the account's last one stays, since without it the person could not sign in. */
    public void delete(String userId, String credentialId) {
        switch (credentials.deleteUnlessLast(userId, decode(credentialId))) {
            case DELETED -> { }
            case NOT_FOUND -> throw notFound();
            case LAST_CREDENTIAL -> throw new CeremonyException(CeremonyFailure.LAST_CREDENTIAL,
                    "This is your only passkey: add another one first, or you could not sign in any more.");
        }
    }

    private static byte[] decode(String credentialId) {
        try {
            return CredentialIds.decode(credentialId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    /** The answer for a passkey that does not exist or is another account's. */
    public static CeremonyException notFound() {
        return new CeremonyException(CeremonyFailure.NOT_FOUND, "No such passkey on your account.");
    }
}
