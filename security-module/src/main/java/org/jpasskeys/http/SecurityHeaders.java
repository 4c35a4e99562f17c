package org.jpasskeys.http;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Browser hardening for a sensitive portal (OWASP ASVS 5.0 V3): a Content-Security-Policy without inline script
 * and without other origins (images may be data URIs: authenticator icons), no framing by other sites,
 * {@code nosniff}, no referrer, WebAuthn for this origin only, and HSTS when the request came over HTTPS
 * (directly, or through a trusted proxy whose {@code X-Forwarded-Proto} says so).
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    public static final String PERMISSIONS_POLICY =
            "publickey-credentials-get=(self), publickey-credentials-create=(self)";
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private SecurityHeaders() {
    }

    public static void apply(HttpServletRequest request, HttpServletResponse response, Set<String> trustedProxies) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (overHttps(request, trustedProxies)) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    static boolean overHttps(HttpServletRequest request, Set<String> trustedProxies) {
        return request.isSecure() || trustedProxies.contains(request.getRemoteAddr())
                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
