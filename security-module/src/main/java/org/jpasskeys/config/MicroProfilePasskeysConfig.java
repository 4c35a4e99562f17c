package org.jpasskeys.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jpasskeys.assurance.AuthenticatorPolicy;
import org.jpasskeys.assurance.CertificationLevel;

/** Reads {@link PasskeysConfig} from MicroProfile Config; every key can also be set as an environment variable. */
@ApplicationScoped
public class MicroProfilePasskeysConfig {

    private static final Logger LOG = Logger.getLogger(MicroProfilePasskeysConfig.class.getName());
    private static final Pattern POLICY_KEY = Pattern.compile("passkeys\\.policy\\.([^.]+)\\.(.+)");
    private static final Pattern POLICY_GROUPS_VARIABLE = Pattern.compile("PASSKEYS_POLICY_([A-Z0-9]+)_GROUPS");
    private static final Pattern POLICY_NAME = Pattern.compile("[a-z0-9]+");
    /** With {@code .} and {@code -} alike: some implementations list environment variables with dots for both. */
    private static final Set<String> POLICY_SETTINGS = Set.of("groups", "attestation", "aaguids-allow", "aaguids-deny",
            "device-bound", "min-certification");

    @Produces
    @Singleton
    PasskeysConfig passkeysConfig() {
        PasskeysConfig config = read(ConfigProvider.getConfig());
        LOG.info(() -> "jpasskeys: relying party '" + config.rpId() + "', origins " + config.origins()
                + ", endpoints at " + config.basePath());
        return config;
    }

    /** Reads every {@code passkeys.*} key, falling back to {@link PasskeysConfig#developmentDefaults()}. */
    public static PasskeysConfig read(Config source) {
        PasskeysConfig d = PasskeysConfig.developmentDefaults();
        return new PasskeysConfig(
                string(source, "passkeys.rp.id", d.rpId()),
                string(source, "passkeys.rp.name", d.rpName()),
                value(source, "passkeys.rp.origins", MicroProfilePasskeysConfig::commaList, d.origins()),
                string(source, "passkeys.endpoint.base-path", d.basePath()),
                string(source, "passkeys.endpoint.login-page", d.loginPage()),
                value(source, "passkeys.endpoint.max-body-bytes", Integer::valueOf, d.maxBodyBytes()),
                duration(source, "passkeys.challenge.ttl", d.challengeTtl()),
                value(source, "passkeys.challenge.max-pending", Long::valueOf, d.challengeMaxPending()),
                value(source, "passkeys.registration.self-service", MicroProfilePasskeysConfig::bool,
                        d.selfServiceRegistration()),
                value(source, "passkeys.registration.attestation", AttestationPolicy::parse, d.attestation()),
                value(source, "passkeys.credentials.max-per-user", Integer::valueOf, d.maxCredentialsPerUser()),
                duration(source, "passkeys.credentials.recent-sign-in", d.recentSignIn()),
                string(source, "passkeys.token.issuer", d.tokenIssuer()),
                string(source, "passkeys.token.audience", d.tokenAudience()),
                duration(source, "passkeys.token.lifetime", d.tokenLifetime()),
                value(source, "passkeys.token.key-location", Path::of, d.tokenKeyLocation()),
                source.getOptionalValue("passkeys.token.previous-key-location", String.class).map(Path::of),
                duration(source, "passkeys.audit.retention", d.auditRetention()),
                operations(source, d.operations()),
                new RateLimitConfig(
                        value(source, "passkeys.rate-limit.enabled", MicroProfilePasskeysConfig::bool,
                                d.rateLimit().enabled()),
                        value(source, "passkeys.rate-limit.per-address-per-minute", Integer::valueOf,
                                d.rateLimit().perAddressPerMinute()),
                        value(source, "passkeys.rate-limit.per-username-per-minute", Integer::valueOf,
                                d.rateLimit().perUsernamePerMinute()),
                        value(source, "passkeys.rate-limit.trusted-proxies", MicroProfilePasskeysConfig::commaList,
                                d.rateLimit().trustedProxies()),
                        value(source, "passkeys.rate-limit.ipv6-prefix-length", Integer::valueOf,
                                d.rateLimit().ipv6PrefixLength()),
                        value(source, "passkeys.rate-limit.pending-challenges-per-client", Integer::valueOf,
                                d.rateLimit().pendingChallengesPerClient())),
                new StateConfig(
                        value(source, "passkeys.state.store", StateConfig.Store::parse, d.state().store()),
                        source.getOptionalValue("passkeys.state.jcache.provider", String.class),
                        source.getOptionalValue("passkeys.state.jcache.uri", String.class).map(URI::create),
                        value(source, "passkeys.state.jcache.expected-members", Integer::valueOf,
                                d.state().expectedMembers())),
                new TokenKeyStoreConfig(
                        value(source, "passkeys.token.key-store", TokenKeyStoreConfig.Kind::parse,
                                d.tokenKeyStore().kind()),
                        source.getOptionalValue("passkeys.token.key-encryption-secret", String.class),
                        duration(source, "passkeys.token.key-refresh-interval", d.tokenKeyStore().refreshInterval())),
                assurance(source));
    }

    private static AssuranceConfig assurance(Config source) {
        List<AuthenticatorPolicy> groupPolicies = new ArrayList<>();
        for (String name : policyNames(source)) {
            groupPolicies.add(policy(source, name, value(source, "passkeys.policy." + name + ".groups",
                    MicroProfilePasskeysConfig::commaList, Set.of())));
        }
        Set<String> metadataRoots = value(source, "passkeys.attestation.metadata-root",
                MicroProfilePasskeysConfig::commaList, Set.of());
        return new AssuranceConfig(AssuranceConfig.readCertificates(value(source,
                "passkeys.attestation.trust-anchors", MicroProfilePasskeysConfig::commaList, Set.of()),
                "passkeys.attestation.trust-anchors"),
                source.getOptionalValue("passkeys.attestation.metadata-location", String.class).map(String::strip)
                        .filter(location -> !location.isEmpty()),
                metadataRoots.isEmpty() ? AssuranceConfig.fidoMetadataRoot()
                        : AssuranceConfig.readCertificates(metadataRoots, "passkeys.attestation.metadata-root"),
                string(source, "passkeys.attestation.metadata-signer", AssuranceConfig.FIDO_MDS_SIGNER),
                value(source, "passkeys.attestation.status-accepted", MicroProfilePasskeysConfig::aaguids, Set.of()),
                policy(source, "default", Set.of()), groupPolicies);
    }

    /**
     * The names of the policies {@code passkeys.policy.<name>.*} (also {@code PASSKEYS_POLICY_<NAME>_GROUPS}); names
     * are lower-case letters and digits, so that environment variables map back to one name. A key that names no
     * setting stops the start, so that a misspelt one never leaves a policy unenforced.
     */
    private static Set<String> policyNames(Config source) {
        Set<String> names = new TreeSet<>();
        for (String key : source.getPropertyNames()) {
            Matcher dotted = POLICY_KEY.matcher(key);
            Matcher environment = POLICY_GROUPS_VARIABLE.matcher(key);
            if (dotted.matches()) {
                if (!POLICY_NAME.matcher(dotted.group(1)).matches()
                        || !POLICY_SETTINGS.contains(dotted.group(2).replace('.', '-'))) {
                    throw new IllegalArgumentException(key + " is not a policy setting: a policy, named with "
                            + "lower-case letters and digits, has groups, attestation, aaguids.allow, aaguids.deny, "
                            + "device-bound and min-certification");
                }
                names.add(dotted.group(1));
            } else if (environment.matches()) {
                names.add(environment.group(1).toLowerCase(Locale.ROOT));
            }
        }
        names.remove("default");
        return names;
    }

    private static AuthenticatorPolicy policy(Config source, String name, Set<String> groups) {
        String prefix = "passkeys.policy." + name + ".";
        return new AuthenticatorPolicy(name, groups,
                value(source, prefix + "attestation", MicroProfilePasskeysConfig::attestationRequired, false),
                value(source, prefix + "aaguids.allow", MicroProfilePasskeysConfig::aaguids, Set.of()),
                value(source, prefix + "aaguids.deny", MicroProfilePasskeysConfig::aaguids, Set.of()),
                value(source, prefix + "device-bound", MicroProfilePasskeysConfig::bool, false),
                Optional.ofNullable(value(source, prefix + "min-certification", CertificationLevel::parse, null)));
    }

    private static boolean attestationRequired(String value) {
        if (value.equalsIgnoreCase("none") || value.equalsIgnoreCase("required")) {
            return value.equalsIgnoreCase("required");
        }
        throw new IllegalArgumentException("expected none or required");
    }

    private static Set<UUID> aaguids(String value) {
        return commaList(value).stream().map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
    }

    private static OperationsConfig operations(Config source, OperationsConfig d) {
        String adminRole = string(source, "passkeys.admin.role",
                string(source, "passkeys.audit.admin-group", d.adminRole()));
        return new OperationsConfig(adminRole,
                string(source, "passkeys.metrics.role", adminRole),
                List.copyOf(value(source, "passkeys.rp.related-origins", MicroProfilePasskeysConfig::commaList, Set.of())),
                value(source, "passkeys.http.security-headers", MicroProfilePasskeysConfig::bool, d.securityHeaders()),
                duration(source, "passkeys.revocation.check-interval", d.standingCheckInterval()));
    }

    private static String string(Config source, String key, String fallback) {
        return source.getOptionalValue(key, String.class).orElse(fallback);
    }

    private static Duration duration(Config source, String key, Duration fallback) {
        return value(source, key, Duration::parse, fallback);
    }

    private static <T> T value(Config source, String key, Function<String, T> parser, T fallback) {
        Optional<String> raw = source.getOptionalValue(key, String.class);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(raw.get().strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": invalid value '" + raw.get() + "'", e);
        }
    }

    private static Set<String> commaList(String value) {
        return new LinkedHashSet<>(Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("expected true or false");
    }
}
