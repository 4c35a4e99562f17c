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
 * @param relatedOrigins       {@code passkeys.rp.related-origins}: published at {@code /.well-known/webauthn}
 *                             (WebAuthn related origin requests); empty: the document is not served
 * @param securityHeaders      {@code passkeys.http.security-headers}: the module's filter adds the browser
 *                             hardening headers (CSP, nosniff, referrer and permissions policies, HSTS over HTTPS)
 * @param standingCheckInterval {@code passkeys.revocation.check-interval}: how long a node may rely on what it
 *                             last read of an account's standing (disabled, signed out everywhere); the bound on
 *                             how long a revoked session or token keeps working on another node
 */
public record OperationsConfig(String adminRole, List<String> relatedOrigins, boolean securityHeaders,
                               Duration standingCheckInterval) {

    public OperationsConfig {
        Objects.requireNonNull(adminRole, "passkeys.admin.role");
        if (adminRole.isBlank()) {
            throw new IllegalArgumentException("passkeys.admin.role must not be empty");
        }
        relatedOrigins = List.copyOf(relatedOrigins);
        relatedOrigins.forEach(origin -> Origins.requireWebOrigin(origin, "passkeys.rp.related-origins"));
        Objects.requireNonNull(standingCheckInterval, "passkeys.revocation.check-interval");
        if (standingCheckInterval.isNegative() || standingCheckInterval.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("passkeys.revocation.check-interval must be between PT0S and PT5M");
        }
    }

    /** Administrators in group {@code admin}, no related origins, no extra headers, standing re-read every 5 s. */
    public static OperationsConfig defaults() {
        return new OperationsConfig("admin", List.of(), false, Duration.ofSeconds(5));
    }
}
