package org.jpasskeys.ceremony;

import java.util.List;

import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.OtherSignInMethods;
import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.credential.UserRepository;

/**
 * What a signed-in person does with their own passkeys: list, rename, delete. Another account's passkey
 * is {@code not_found}, exactly like one that does not exist.
 */
public final class PasskeyManagement {

    private final CredentialRepository credentials;
    private final UserRepository users;
    private final OtherSignInMethods otherSignInMethods;

    public PasskeyManagement(CeremonyContext context, OtherSignInMethods otherSignInMethods) {
        this.credentials = context.credentials();
        this.users = context.users();
        this.otherSignInMethods = otherSignInMethods;
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

    /**
     * Deletes a passkey. The account's last one stays unless the account has another way in, since without
     * it the person could not sign in.
     */
    public void delete(String userId, String credentialId) {
        boolean keepLast = users.findById(userId).map(account -> !otherSignInMethods.existFor(account)).orElse(true);
        switch (credentials.delete(userId, decode(credentialId), keepLast)) {
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
