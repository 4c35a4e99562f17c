package org.jpasskeys.web;

import jakarta.security.enterprise.SecurityContext;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.ProblemException;
import org.jpasskeys.mechanism.PasskeyPrincipal;

/** The check before every administrators' endpoint: signed in (401) and in {@code passkeys.admin.role} (403). */
final class Administrators {

    private Administrators() {
    }

    static PasskeyPrincipal require(SecurityContext securityContext, PasskeysConfig config, String what) {
        PasskeyPrincipal caller = ApiServlet.caller(securityContext).orElseThrow(() -> new ProblemException(
                Problem.unauthenticated("Sign in as an administrator to " + what + ".")));
        if (!caller.groups().contains(config.operations().adminRole())) {
            throw new ProblemException(Problem.forbidden("Only administrators may " + what + "."));
        }
        return caller;
    }
}
