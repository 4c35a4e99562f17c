package org.jpasskeys.mechanism;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Keeps the signed-in caller in the HTTP session, the one place that does so. The caller carries its sign-in
 * (with the passkey that made it, none after a password), so that the session ends when that passkey is removed,
 * when the sign-in is signed out, or when the account is signed out everywhere or disabled.
 */
public final class CallerSession {

    private static final String ATTRIBUTE = CallerSession.class.getName();

    private CallerSession() {
    }

    /** Signs the caller in for this session; a session that existed gets a new id (no session fixation). */
    public static void establish(HttpServletRequest request, PasskeyPrincipal caller) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(ATTRIBUTE, caller);
    }

    /**
     * The caller signed in for this session, if any. Not for a session named in the URL ({@code ;jsessionid=}):
     * that would bypass the cookie's HttpOnly and SameSite, and some servers (Payara) accept one even when the
     * application allows cookies only.
     */
    public static Optional<PasskeyPrincipal> caller(HttpServletRequest request) {
        if (request.isRequestedSessionIdFromURL() && !request.isRequestedSessionIdFromCookie()) {
            return Optional.empty();
        }
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable(session.getAttribute(ATTRIBUTE)).filter(PasskeyPrincipal.class::isInstance)
                        .map(PasskeyPrincipal.class::cast);
    }

    /** Ends the session. */
    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
