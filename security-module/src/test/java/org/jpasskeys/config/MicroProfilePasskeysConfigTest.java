package org.jpasskeys.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.jpasskeys.assurance.AuthenticatorPolicy;
import org.jpasskeys.testing.AttestationCa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroProfilePasskeysConfigTest {

    @Test
    void emptyConfigurationGivesTheDevelopmentDefaults() {
        assertThat(MicroProfilePasskeysConfig.read(config(Map.of()))).isEqualTo(PasskeysConfig.developmentDefaults());
    }

    @Test
    void everyKeyIsRead() {
        PasskeysConfig read = MicroProfilePasskeysConfig.read(config(Map.ofEntries(
                Map.entry("passkeys.rp.id", "example.com"),
                Map.entry("passkeys.rp.origins", "https://example.com, https://www.example.com"),
                Map.entry("passkeys.endpoint.base-path", "api/passkeys/"),
                Map.entry("passkeys.challenge.ttl", "PT2M"),
                Map.entry("passkeys.challenge.max-pending", "500"),
                Map.entry("passkeys.registration.self-service", "true"),
                Map.entry("passkeys.registration.attestation", "direct"),
                Map.entry("passkeys.credentials.max-per-user", "3"),
                Map.entry("passkeys.credentials.recent-sign-in", "PT5M"),
                Map.entry("passkeys.token.lifetime", "PT5M"))));

        assertThat(read.rpId()).isEqualTo("example.com");
        assertThat(read.origins()).isEqualTo(Set.of("https://example.com", "https://www.example.com"));
        assertThat(read.basePath()).isEqualTo("/api/passkeys");
        assertThat(read.challengeTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(read.challengeMaxPending()).isEqualTo(500);
        assertThat(read.selfServiceRegistration()).isTrue();
        assertThat(read.attestation()).isEqualTo(AttestationPolicy.DIRECT);
        assertThat(read.maxCredentialsPerUser()).isEqualTo(3);
        assertThat(read.recentSignIn()).isEqualTo(Duration.ofMinutes(5));
        assertThat(read.tokenLifetime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void clientKeysAreReadAndChecked() {
        PasskeysConfig read = MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.rate-limit.ipv6-prefix-length", "56",
                "passkeys.rate-limit.pending-challenges-per-client", "8",
                "passkeys.state.jcache.expected-members", "3")));

        assertThat(read.rateLimit().ipv6PrefixLength()).isEqualTo(56);
        assertThat(read.rateLimit().pendingChallengesPerClient()).isEqualTo(8);
        assertThat(read.state().expectedMembers()).isEqualTo(3);
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.rate-limit.ipv6-prefix-length", "129")))).hasMessageContaining("ipv6-prefix-length");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.state.jcache.expected-members", "0")))).hasMessageContaining("expected-members");
    }

    @Test
    void operationsKeysAreRead() {
        PasskeysConfig read = MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.rp.origins", "https://example.com, android:apk-key-hash:" + "A".repeat(43),
                "passkeys.admin.role", "operators",
                "passkeys.metrics.role", "monitoring",
                "passkeys.rp.related-origins", "https://example.co.uk, https://example.de",
                "passkeys.http.security-headers", "true",
                "passkeys.revocation.check-interval", "PT1S")));

        assertThat(read.origins()).contains("android:apk-key-hash:" + "A".repeat(43));
        assertThat(read.webOrigins()).containsExactly("https://example.com");
        assertThat(read.operations()).isEqualTo(new OperationsConfig("operators", "monitoring",
                List.of("https://example.co.uk", "https://example.de"), true, Duration.ofSeconds(1)));
    }

    @Test
    void theFormerAuditGroupKeyStillNamesTheAdministrators() {
        assertThat(MicroProfilePasskeysConfig.read(config(Map.of("passkeys.audit.admin-group", "auditors")))
                .operations().adminRole()).isEqualTo("auditors");
        assertThat(MicroProfilePasskeysConfig.read(config(Map.of("passkeys.admin.role", "operators")))
                .operations().metricsRole()).as("the metrics role follows the administrators'").isEqualTo("operators");
    }

    @Test
    void badOperationsValuesAreRefusedWithTheKeyNamed() {
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of("passkeys.rp.related-origins",
                "android:apk-key-hash:" + "A".repeat(43))))).hasMessageContaining("passkeys.rp.related-origins");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of("passkeys.rp.origins",
                "android:apk-key-hash:short")))).hasMessageContaining("passkeys.rp.origins");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of("passkeys.revocation.check-interval",
                "PT1H")))).hasMessageContaining("passkeys.revocation.check-interval");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of("passkeys.admin.role", " "))))
                .hasMessageContaining("passkeys.admin.role");
    }

    @Test
    void invalidValuesAreRefusedWithTheKeyNamed() {
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of("passkeys.challenge.ttl", "5 minutes"))))
                .hasMessageContaining("passkeys.challenge.ttl");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of("passkeys.challenge.ttl", "-PT1M"))))
                .hasMessageContaining("passkeys.challenge.ttl");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of("passkeys.rp.origins",
                "https://example.com/login")))).hasMessageContaining("passkeys.rp.origins");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.registration.self-service", "yes")))).hasMessageContaining("self-service");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.registration.attestation", "enterprise")))).hasMessageContaining("attestation");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.credentials.max-per-user", "0")))).hasMessageContaining("max-per-user");
    }

    @Test
    void trustAnchorsAndPoliciesAreRead(@TempDir Path directory) throws Exception {
        AttestationCa enterprise = AttestationCa.create("Enterprise");
        AttestationCa vendor = AttestationCa.create("Vendor");
        Path roots = Files.writeString(directory.resolve("roots.pem"), enterprise.rootPem() + vendor.rootPem());
        UUID key = UUID.randomUUID();
        UUID banned = UUID.randomUUID();

        AssuranceConfig read = MicroProfilePasskeysConfig.read(new SmallRyeConfigBuilder().withSources(
                new EnvConfigSource(Map.of("PASSKEYS_POLICY_TRADERS_GROUPS", "trading",
                        "PASSKEYS_POLICY_TRADERS_DEVICE_BOUND", "true"), 300),
                new PropertiesConfigSource(Map.of(
                "passkeys.attestation.trust-anchors", roots.toString(),
                "passkeys.policy.default.aaguids.deny", banned.toString(),
                "passkeys.policy.operators.groups", "admin, oncall",
                "passkeys.policy.operators.attestation", "required",
                "passkeys.policy.operators.aaguids.allow", key + "," + banned,
                "passkeys.policy.operators.device-bound", "true"), "test", 100)).build()).assurance();

        assertThat(read.trustAnchors()).containsExactly(enterprise.root(), vendor.root());
        assertThat(read.defaultPolicy()).isEqualTo(new AuthenticatorPolicy("default", Set.of(), false, Set.of(),
                Set.of(banned), false, Optional.empty()));
        assertThat(read.groupPolicies()).containsExactly(
                new AuthenticatorPolicy("operators", Set.of("admin", "oncall"), true, Set.of(key, banned), Set.of(),
                        true, Optional.empty()),
                new AuthenticatorPolicy("traders", Set.of("trading"), false, Set.of(), Set.of(), true,
                        Optional.empty()));
    }

    @Test
    void badAssuranceValuesAreRefusedWithTheKeyNamed(@TempDir Path directory) throws Exception {
        Path notPem = Files.writeString(directory.resolve("roots.pem"), "not a certificate");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.attestation.trust-anchors", notPem.toString())))).hasMessageContaining(notPem.toString())
                .hasMessageContaining("passkeys.attestation.trust-anchors");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.policy.default.attestation", "direct")))).hasMessageContaining("passkeys.policy.default.attestation");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.policy.ops.groups", "admin", "passkeys.policy.ops.aaguids.allow", "yubikey"))))
                .hasMessageContaining("passkeys.policy.ops.aaguids.allow");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.policy.ops.groups", "admin", "passkeys.policy.ops.attestation", "required"))))
                .as("nothing to verify attestation to").hasMessageContaining("passkeys.attestation.trust-anchors");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.policy.ops.groups", "admin", "passkeys.policy.ops.device-boud", "true"))))
                .as("a misspelt setting").hasMessageContaining("passkeys.policy.ops.device-boud");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.policy.ops.device-bound", "true"))))
                .as("a policy for nobody").hasMessageContaining("passkeys.policy.ops.groups");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.policy.desk-ops.groups", "admin")))).hasMessageContaining("lower-case letters and digits");
        assertThatThrownBy(() -> MicroProfilePasskeysConfig.read(config(Map.of(
                "passkeys.attestation.metadata-location", "http://mds3.fidoalliance.org/"))))
                .hasMessageContaining("https://");
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }
}
