package org.jpasskeys.mechanism;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jpasskeys.assurance.PasskeyAssurance;
import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.revocation.SignIn;

/**
 * What a sign-in proves. A passkey: possession of a key plus user verification, NIST AAL2, or AAL3 for an attested
 * hardware key ({@link PasskeyAssurance}). A password checked by one of the application's identity stores: one
 * factor, AAL1.
 */
public final class SignInMethod {

    /** The {@code authMethod} of a passkey sign-in. */
    public static final String PASSKEY = "passkey";

    /** The {@code authMethod} of a password sign-in. */
    public static final String PASSWORD = "password";

    /** The least NIST 800-63B assurance level of a passkey sign-in (user verification is required). */
    public static final int PASSKEY_AAL = PasskeyAssurance.AAL2.aal();
    /** NIST 800-63B assurance level of a password sign-in. */
    public static final int PASSWORD_AAL = 1;
    /** {@code acr} of a password sign-in. */
    public static final String PASSWORD_ACR = "aal1";
    /** {@code amr} of a password sign-in (RFC 8176). */
    public static final List<String> PASSWORD_AMR = List.of("pwd");
    /** The group every signed-in caller is in. */
    public static final String CALLER_GROUP = "user";

    private SignInMethod() {
    }

    /** A sign-in with {@code passkey}, at the assurance that passkey gives. */
    public static PasskeyPrincipal passkey(UserAccount user, StoredCredential passkey, Instant authTime,
                                           long sessionEpoch) {
        PasskeyAssurance assurance = PasskeyAssurance.of(passkey);
        return new PasskeyPrincipal(SignIn.start(user.id(), sessionEpoch, Optional.of(passkey.credentialIdBase64Url()),
                authTime), user.username(), user.displayName(), assurance.acr(), assurance.amr(), Set.of(CALLER_GROUP));
    }

    public static PasskeyPrincipal password(UserAccount user, Instant authTime, long sessionEpoch) {
        return new PasskeyPrincipal(SignIn.start(user.id(), sessionEpoch, Optional.empty(), authTime), user.username(),
                user.displayName(), PASSWORD_ACR, PASSWORD_AMR, Set.of(CALLER_GROUP));
    }
}
