package org.jpasskeys.web;

import jakarta.security.enterprise.SecurityContext;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.ProblemException;
import org.jpasskeys.mechanism.PasskeyPrincipal;

/**
 * The check before every administrators' endpoint: signed in (401) and in {@code passkeys.admin.role} (403), or in
 * {@code passkeys.metrics.role} for the metrics.
 */
final class Administrators {

    private Administrators() {
    }

    static PasskeyPrincipal require(SecurityContext securityContext, PasskeysConfig config, String what) {
        PasskeyPrincipal caller = signedIn(securityContext, what);
        if (!caller.groups().contains(config.operations().adminRole())) {
            throw new ProblemException(Problem.forbidden("Only administrators may " + what + "."));
        }
        return caller;
    }

    static PasskeyPrincipal requireMetricsReader(SecurityContext securityContext, PasskeysConfig config) {
        PasskeyPrincipal caller = signedIn(securityContext, "read the metrics");
        if (!caller.groups().contains(config.operations().metricsRole())
                && !caller.groups().contains(config.operations().adminRole())) {
            throw new ProblemException(Problem.forbidden("Only administrators and monitoring may read the metrics."));
        }
        return caller;
    }

    private static PasskeyPrincipal signedIn(SecurityContext securityContext, String what) {
        return ApiServlet.caller(securityContext).orElseThrow(() -> new ProblemException(
                Problem.unauthenticated("Sign in as an administrator to " + what + ".")));
    }
}
