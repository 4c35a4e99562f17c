package org.jpasskeys.mechanism;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Keeps the signed-in caller in the HTTP session, the one place that does so. */
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

    /** The caller signed in for this session, if any. */
    public static Optional<PasskeyPrincipal> caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable(session.getAttribute(ATTRIBUTE)).map(PasskeyPrincipal.class::cast);
    }
}
