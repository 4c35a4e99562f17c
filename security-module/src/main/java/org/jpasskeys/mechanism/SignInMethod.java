package org.jpasskeys.mechanism;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jpasskeys.credential.UserAccount;

/**
 * What a sign-in proves. A passkey: possession of a key plus user verification, NIST AAL2. A password
 * checked by one of the application's identity stores: one factor, AAL1.
 */
public final class SignInMethod {

    /** The {@code authMethod} of a passkey sign-in. */
    public static final String PASSKEY = "passkey";

    /** The {@code authMethod} of a password sign-in. */
    public static final String PASSWORD = "password";

    /** NIST 800-63B assurance level of a passkey sign-in with user verification. */
    public static final int PASSKEY_AAL = 2;
    /** {@code acr} of a passkey sign-in with user verification. */
    public static final String PASSKEY_ACR = "aal2";
    /** {@code amr} of a passkey sign-in with user verification (RFC 8176): proof of possession, multi-factor. */
    public static final List<String> PASSKEY_AMR = List.of("pop", "mfa");
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

    public static PasskeyPrincipal passkey(UserAccount user, Instant authTime, long sessionEpoch) {
        return new PasskeyPrincipal(user.id(), user.username(), user.displayName(), authTime, PASSKEY_ACR,
                PASSKEY_AMR, Set.of(CALLER_GROUP), sessionEpoch);
    }

    public static PasskeyPrincipal password(UserAccount user, Instant authTime, long sessionEpoch) {
        return new PasskeyPrincipal(user.id(), user.username(), user.displayName(), authTime, PASSWORD_ACR,
                PASSWORD_AMR, Set.of(CALLER_GROUP), sessionEpoch);
    }
}
