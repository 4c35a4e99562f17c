package org.jpasskeys.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jpasskeys.assurance.AuthenticatorPolicy;

/**
 * Which authenticators are trusted, and which accounts need which.
 *
 * @param trustAnchors   {@code passkeys.attestation.trust-anchors}: roots that attestation chains are verified to
 * @param defaultPolicy  {@code passkeys.policy.default.*}: for every account
 * @param groupPolicies  {@code passkeys.policy.<name>.*}: for the members of their groups, in addition
 */
public record AssuranceConfig(List<X509Certificate> trustAnchors, AuthenticatorPolicy defaultPolicy,
                              List<AuthenticatorPolicy> groupPolicies) {

    public AssuranceConfig {
        trustAnchors = List.copyOf(trustAnchors);
        Objects.requireNonNull(defaultPolicy, "passkeys.policy.default");
        groupPolicies = List.copyOf(groupPolicies);
        for (AuthenticatorPolicy policy : groupPolicies) {
            if (policy.groups().isEmpty()) {
                throw new IllegalArgumentException("passkeys.policy." + policy.name() + ".groups must name at least "
                        + "one group");
            }
        }
        if (trustAnchors.isEmpty() && (defaultPolicy.needsAttestation()
                || groupPolicies.stream().anyMatch(AuthenticatorPolicy::needsAttestation))) {
            throw new IllegalArgumentException("a policy requires verified attestation (attestation=required or "
                    + "aaguids.allow), but passkeys.attestation.trust-anchors names no root to verify it to");
        }
    }

    /** No anchors; every authenticator allowed. */
    public static AssuranceConfig permissive() {
        return new AssuranceConfig(List.of(), AuthenticatorPolicy.permissive("default", Set.of()), List.of());
    }

    /** The X.509 certificates of PEM files. */
    static List<X509Certificate> readCertificates(Set<String> files) {
        List<X509Certificate> roots = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                CertificateFactory.getInstance("X.509").generateCertificates(in)
                        .forEach(certificate -> roots.add((X509Certificate) certificate));
            } catch (IOException | CertificateException e) {
                throw new IllegalArgumentException("passkeys.attestation.trust-anchors: cannot read PEM certificates "
                        + "from " + file + ": " + e.getMessage(), e);
            }
        }
        return roots;
    }
}
