package org.jpasskeys.mechanism;

import java.io.Serializable;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Keeps the signed-in caller in the HTTP session, the one place that does so, together with the passkey
 * that signed the caller in (none after a password), so that the session ends when that passkey is removed.
 * The caller's session epoch ends it when the account is signed out everywhere or disabled.
 */
public final class CallerSession {

    private static final String ATTRIBUTE = CallerSession.class.getName();

    private record SignedIn(PasskeyPrincipal caller, String passkeyId) implements Serializable {
    }

    private CallerSession() {
    }

    /**
     * Signs the caller in for this session; a session that existed gets a new id (no session fixation).
     *
     * @param passkeyId the base64url id of the passkey that signed the caller in, if one did
     */
    public static void establish(HttpServletRequest request, PasskeyPrincipal caller, Optional<String> passkeyId) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(ATTRIBUTE, new SignedIn(caller, passkeyId.orElse(null)));
    }

    /** The caller signed in for this session, if any. */
    public static Optional<PasskeyPrincipal> caller(HttpServletRequest request) {
        return signedIn(request).map(SignedIn::caller);
    }

    /** The id of the passkey that signed this session's caller in, if a passkey did. */
    static Optional<String> passkeyId(HttpServletRequest request) {
        return signedIn(request).map(SignedIn::passkeyId);
    }

    /** Ends the session. */
    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static Optional<SignedIn> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable(session.getAttribute(ATTRIBUTE)).map(SignedIn.class::cast);
    }
}
