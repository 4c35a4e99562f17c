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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jpasskeys.assurance.AuthenticatorPolicy;

/**
 * Which authenticators are trusted, and which accounts need which.
 *
 * @param trustAnchors     {@code passkeys.attestation.trust-anchors}: roots that attestation chains are verified to,
 *                         for any model (e.g. an enterprise CA for its own keys)
 * @param metadataLocation {@code passkeys.attestation.metadata-location}: the FIDO MDS3 BLOB, a file or a URL
 * @param metadataRoots    {@code passkeys.attestation.metadata-root}: what the BLOB's signature chain must lead to;
 *                         by default the FIDO Metadata Service's root, shipped with the module
 * @param metadataSigner   {@code passkeys.attestation.metadata-signer}: the name the BLOB's signing certificate
 *                         carries (its DNS name): {@code mds.fidoalliance.org}, as the root certifies others too
 * @param statusAccepted   {@code passkeys.attestation.status-accepted}: models (AAGUIDs) whose reported compromise
 *                         or revocation an administrator judged and accepts: their passkeys keep working
 * @param defaultPolicy    {@code passkeys.policy.default.*}: for every account
 * @param groupPolicies    {@code passkeys.policy.<name>.*}: for the members of their groups, in addition
 */
public record AssuranceConfig(List<X509Certificate> trustAnchors, Optional<String> metadataLocation,
                              List<X509Certificate> metadataRoots, String metadataSigner, Set<UUID> statusAccepted,
                              AuthenticatorPolicy defaultPolicy,
                              List<AuthenticatorPolicy> groupPolicies) {

    /** The FIDO Metadata Service's root (GlobalSign Root CA - R3). */
    static final String FIDO_MDS_ROOT = "/org/jpasskeys/assurance/fido-mds-root.pem";
    /** The name on the FIDO Metadata Service's signing certificate. */
    public static final String FIDO_MDS_SIGNER = "mds.fidoalliance.org";

    public AssuranceConfig {
        trustAnchors = List.copyOf(trustAnchors);
        Objects.requireNonNull(metadataLocation, "passkeys.attestation.metadata-location");
        metadataRoots = List.copyOf(metadataRoots);
        Objects.requireNonNull(metadataSigner, "passkeys.attestation.metadata-signer");
        if (metadataLocation.filter(location -> location.contains("://") && !location.startsWith("https://"))
                .isPresent()) {
            throw new IllegalArgumentException("passkeys.attestation.metadata-location must be a file or an https:// "
                    + "URL, not " + metadataLocation.get());
        }
        statusAccepted = Set.copyOf(statusAccepted);
        Objects.requireNonNull(defaultPolicy, "passkeys.policy.default");
        groupPolicies = List.copyOf(groupPolicies);
        for (AuthenticatorPolicy policy : groupPolicies) {
            if (policy.groups().isEmpty()) {
                throw new IllegalArgumentException("passkeys.policy." + policy.name() + ".groups must name at least "
                        + "one group");
            }
        }
        List<AuthenticatorPolicy> policies = new ArrayList<>(groupPolicies);
        policies.add(defaultPolicy);
        if (trustAnchors.isEmpty() && metadataLocation.isEmpty()
                && policies.stream().anyMatch(AuthenticatorPolicy::needsAttestation)) {
            throw new IllegalArgumentException("a policy requires verified attestation (attestation=required, "
                    + "aaguids.allow or min-certification), but neither passkeys.attestation.trust-anchors nor "
                    + "passkeys.attestation.metadata-location names anything to verify it to");
        }
        if (metadataLocation.isEmpty() && policies.stream().anyMatch(policy -> policy.minCertification().isPresent())) {
            throw new IllegalArgumentException("a policy sets min-certification, which the FIDO metadata tells: set "
                    + "passkeys.attestation.metadata-location");
        }
    }

    /** No anchors, no metadata; every authenticator allowed. */
    public static AssuranceConfig permissive() {
        return new AssuranceConfig(List.of(), Optional.empty(), fidoMetadataRoot(), FIDO_MDS_SIGNER, Set.of(),
                AuthenticatorPolicy.permissive("default", Set.of()), List.of());
    }

    /** The root shipped with the module. */
    public static List<X509Certificate> fidoMetadataRoot() {
        try (InputStream in = AssuranceConfig.class.getResourceAsStream(FIDO_MDS_ROOT)) {
            return certificates(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read " + FIDO_MDS_ROOT, e);
        }
    }

    /** The X.509 certificates of PEM files, for the configuration key {@code key}. */
    static List<X509Certificate> readCertificates(Set<String> files, String key) {
        List<X509Certificate> roots = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                roots.addAll(certificates(in));
            } catch (IOException | CertificateException e) {
                throw new IllegalArgumentException(key + ": cannot read PEM certificates from " + file + ": "
                        + e.getMessage(), e);
            }
            if (roots.isEmpty()) {
                throw new IllegalArgumentException(key + ": " + file + " holds no PEM certificate");
            }
        }
        return roots;
    }

    private static List<X509Certificate> certificates(InputStream pem) throws CertificateException {
        return CertificateFactory.getInstance("X.509").generateCertificates(pem).stream()
                .map(X509Certificate.class::cast).toList();
    }
}
