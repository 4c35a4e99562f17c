package org.jpasskeys.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What operators set: who administers, which other sites share the passkeys, and how the browser is told to
 * protect the pages.
 *
 * @param adminRole            {@code passkeys.admin.role}: callers in this group use the administration API, the
 *                             audit log and the metrics
 * @param metricsRole          {@code passkeys.metrics.role}: callers in this group read the metrics only (a
 *                             monitoring account); by default the administrators' role
 * @param relatedOrigins       {@code passkeys.rp.related-origins}: published at {@code /.well-known/webauthn}
 *                             (WebAuthn related origin requests); empty: the document is not served
 * @param securityHeaders      {@code passkeys.http.security-headers}: the module's filter adds the browser
 *                             hardening headers (CSP, nosniff, referrer and permissions policies, HSTS over HTTPS)
 * @param standingCheckInterval {@code passkeys.revocation.check-interval}: how long a node may rely on what it
 *                             last read of an account's standing (disabled, signed out everywhere); the bound on
 *                             how long a revoked session or token keeps working on another node
 */
public record OperationsConfig(String adminRole, String metricsRole, List<String> relatedOrigins,
                               boolean securityHeaders, Duration standingCheckInterval) {

    public OperationsConfig {
        requireRole(adminRole, "passkeys.admin.role");
        requireRole(metricsRole, "passkeys.metrics.role");
        relatedOrigins = List.copyOf(relatedOrigins);
        relatedOrigins.forEach(origin -> Origins.requireWebOrigin(origin, "passkeys.rp.related-origins"));
        Objects.requireNonNull(standingCheckInterval, "passkeys.revocation.check-interval");
        if (standingCheckInterval.isNegative() || standingCheckInterval.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("passkeys.revocation.check-interval must be between PT0S and PT5M");
        }
    }

    /** Administrators in group {@code admin}, no related origins, no extra headers, standing re-read every 5 s. */
    public static OperationsConfig defaults() {
        return new OperationsConfig("admin", "admin", List.of(), false, Duration.ofSeconds(5));
    }

    private static void requireRole(String role, String key) {
        Objects.requireNonNull(role, key);
        if (role.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
    }
}
