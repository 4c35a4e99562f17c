package org.jpasskeys.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The module's whole configuration, read once and checked at start-up.
 * Every component receives this value instead of reading configuration itself.
 *
 * @param rpId                     {@code passkeys.rp.id}: the WebAuthn relying party id (a registrable domain)
 * @param rpName                   {@code passkeys.rp.name}: shown by authenticators when a passkey is created
 * @param origins                  {@code passkeys.rp.origins}: exact origins allowed in clientDataJSON and in the
 *                                 {@code Origin} header of state-changing requests; Android apps as
 *                                 {@code android:apk-key-hash:...}
 * @param basePath                 {@code passkeys.endpoint.base-path}: where the HTTP API lives below the context root
 * @param loginPage                {@code passkeys.endpoint.login-page}: where a browser is sent for a protected page
 * @param maxBodyBytes             {@code passkeys.endpoint.max-body-bytes}: larger request bodies answer 413
 * @param challengeTtl             {@code passkeys.challenge.ttl}: how long an issued challenge may be answered
 * @param challengeMaxPending      {@code passkeys.challenge.max-pending}: bound of the pending-challenge store
 * @param selfServiceRegistration  {@code passkeys.registration.self-service}: anonymous callers may sign up
 * @param attestation              {@code passkeys.registration.attestation}
 * @param maxCredentialsPerUser    {@code passkeys.credentials.max-per-user}
 * @param recentSignIn             {@code passkeys.credentials.recent-sign-in}: how recent the caller's sign-in must
 *                                 be to add or delete passkeys; older callers confirm with a passkey first
 * @param tokenIssuer              {@code passkeys.token.issuer}: {@code iss} of access tokens
 * @param tokenAudience            {@code passkeys.token.audience}: {@code aud} of access tokens
 * @param tokenLifetime            {@code passkeys.token.lifetime}
 * @param tokenKeyLocation         {@code passkeys.token.key-location}: PEM file of the RSA signing key
 * @param previousTokenKeyLocation {@code passkeys.token.previous-key-location}: the key signing before the last
 *                                 rotation; it still verifies (and stays in the JWKS) until its tokens expire
 * @param auditRetention           {@code passkeys.audit.retention}
 * @param operations               {@code passkeys.admin.role}, {@code passkeys.rp.related-origins},
 *                                 {@code passkeys.http.*}, {@code passkeys.revocation.*}
 * @param rateLimit                {@code passkeys.rate-limit.*}
 * @param state                    {@code passkeys.state.*}: where pending challenges and one-time tokens live
 * @param tokenKeyStore            {@code passkeys.token.key-store} and its secret
 * @param assurance                {@code passkeys.attestation.*} and {@code passkeys.policy.*}
 */
public record PasskeysConfig(
        String rpId,
        String rpName,
        Set<String> origins,
        String basePath,
        String loginPage,
        int maxBodyBytes,
        Duration challengeTtl,
        long challengeMaxPending,
        boolean selfServiceRegistration,
        AttestationPolicy attestation,
        int maxCredentialsPerUser,
        Duration recentSignIn,
        String tokenIssuer,
        String tokenAudience,
        Duration tokenLifetime,
        Path tokenKeyLocation,
        Optional<Path> previousTokenKeyLocation,
        Duration auditRetention,
        OperationsConfig operations,
        RateLimitConfig rateLimit,
        StateConfig state,
        TokenKeyStoreConfig tokenKeyStore,
        AssuranceConfig assurance) {

    public PasskeysConfig {
        rpId = requireText(rpId, "passkeys.rp.id");
        rpName = requireText(rpName, "passkeys.rp.name");
        origins = Set.copyOf(new LinkedHashSet<>(Objects.requireNonNull(origins, "passkeys.rp.origins")));
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("passkeys.rp.origins must list at least one origin");
        }
        origins.forEach(origin -> Origins.requireOrigin(origin, "passkeys.rp.origins"));
        basePath = normalizePath(requireText(basePath, "passkeys.endpoint.base-path"));
        loginPage = requireText(loginPage, "passkeys.endpoint.login-page");
        requirePositive(maxBodyBytes, "passkeys.endpoint.max-body-bytes");
        requirePositive(challengeTtl, "passkeys.challenge.ttl");
        requirePositive(challengeMaxPending, "passkeys.challenge.max-pending");
        Objects.requireNonNull(attestation, "passkeys.registration.attestation");
        requirePositive(maxCredentialsPerUser, "passkeys.credentials.max-per-user");
        requirePositive(recentSignIn, "passkeys.credentials.recent-sign-in");
        tokenIssuer = requireText(tokenIssuer, "passkeys.token.issuer");
        tokenAudience = requireText(tokenAudience, "passkeys.token.audience");
        requirePositive(tokenLifetime, "passkeys.token.lifetime");
        Objects.requireNonNull(tokenKeyLocation, "passkeys.token.key-location");
        Objects.requireNonNull(previousTokenKeyLocation, "passkeys.token.previous-key-location");
        requirePositive(auditRetention, "passkeys.audit.retention");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(rateLimit, "passkeys.rate-limit");
        Objects.requireNonNull(state, "passkeys.state");
        Objects.requireNonNull(tokenKeyStore, "passkeys.token.key-store");
        Objects.requireNonNull(assurance, "assurance");
    }

    /** The development defaults: {@code localhost}, origin {@code http://localhost:8080}. */
    public static PasskeysConfig developmentDefaults() {
        return new PasskeysConfig("localhost", "jpasskeys", Set.of("http://localhost:8080"),
                "/v1/portal/mfa/passkey", "/", 16 * 1024, Duration.ofMinutes(5), 100_000, false,
                AttestationPolicy.NONE, 10, Duration.ofMinutes(15), "http://localhost:8080", "jpasskeys",
                Duration.ofMinutes(15),
                Path.of(System.getProperty("user.home"), ".jpasskeys", "token-signing-key.pem"), Optional.empty(),
                Duration.ofDays(90), OperationsConfig.defaults(), new RateLimitConfig(true, 10, 5, Set.of(),
                RateLimitConfig.DEFAULT_IPV6_PREFIX_LENGTH, RateLimitConfig.DEFAULT_PENDING_CHALLENGES_PER_CLIENT),
                StateConfig.local(), TokenKeyStoreConfig.file(), AssuranceConfig.permissive());
    }

    /** This configuration with anonymous sign-up switched on or off. */
    public PasskeysConfig withSelfServiceRegistration(boolean on) {
        return new PasskeysConfig(rpId, rpName, origins, basePath, loginPage, maxBodyBytes, challengeTtl,
                challengeMaxPending, on, attestation, maxCredentialsPerUser, recentSignIn, tokenIssuer, tokenAudience,
                tokenLifetime, tokenKeyLocation, previousTokenKeyLocation, auditRetention, operations, rateLimit, state,
                tokenKeyStore, assurance);
    }

    /** The accepted origins a browser can have (not Android apps). */
    public Set<String> webOrigins() {
        return origins.stream().filter(origin -> !Origins.isAndroidApp(origin)).collect(Collectors.toSet());
    }

    private static String requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
        return value.strip();
    }

    private static String normalizePath(String path) {
        String withSlash = path.startsWith("/") ? path : "/" + path;
        return withSlash.endsWith("/") ? withSlash.substring(0, withSlash.length() - 1) : withSlash;
    }

    static void requirePositive(long value, String key) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, not " + value);
        }
    }

    private static void requirePositive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive ISO-8601 duration such as PT5M");
        }
    }
}
