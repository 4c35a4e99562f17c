package org.jpasskeys.assurance;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.webauthn4j.anchor.TrustAnchorRepository;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.statement.AttestationStatement;
import com.webauthn4j.data.attestation.statement.CertificateBaseAttestationStatement;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.DefaultCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.VerificationException;

/**
 * Judges a verified attestation statement's certificate chain against the trust anchors: the roots of
 * {@code passkeys.attestation.trust-anchors} for every model, and the attestation roots the FIDO metadata lists for
 * the statement's model (by AAGUID, or for U2F by the attestation key's identifier), unless the metadata reports
 * that model compromised or revoked. webauthn4j's certificate path verifier does the PKIX validation at the
 * registration's time; revocation lists are not fetched (production networks often have no outbound access).
 */
public final class AttestationTrust {

    private final Set<TrustAnchor> configured;
    private final AuthenticatorMetadata metadata;
    private final DefaultCertPathTrustworthinessVerifier verifier;

    public AttestationTrust(Collection<X509Certificate> roots, AuthenticatorMetadata metadata) {
        this.configured = roots.stream().map(root -> new TrustAnchor(root, null))
                .collect(Collectors.toUnmodifiableSet());
        this.metadata = metadata;
        this.verifier = new DefaultCertPathTrustworthinessVerifier(new TrustAnchorRepository() {
            @Override
            public Set<TrustAnchor> find(AAGUID aaguid) {
                return anchors(metadata.find(aaguid.getValue()));
            }

            @Override
            public Set<TrustAnchor> find(byte[] attestationCertificateKeyIdentifier) {
                return anchors(metadata.current().flatMap(blob -> blob.findByKeyId(attestationCertificateKeyIdentifier)));
            }
        });
    }

    private Set<TrustAnchor> anchors(Optional<MetadataEntry> entry) {
        Set<TrustAnchor> anchors = new HashSet<>(configured);
        entry.filter(found -> found.untrustedStatus().isEmpty())
                .ifPresent(found -> found.roots().forEach(root -> anchors.add(new TrustAnchor(root, null))));
        return anchors;
    }

    /**
     * What the statement proves: its type, and the anchor its chain leads to at {@code at}, when it leads to one.
     * The statement's own signature must have been verified already.
     */
    public Attestation judge(String format, AttestationStatement statement, AAGUID aaguid, Instant at) {
        List<X509Certificate> chain = statement instanceof CertificateBaseAttestationStatement certified
                && certified.getX5c() != null ? List.copyOf(certified.getX5c()) : List.of();
        AttestationType type = AttestationType.of(format, !chain.isEmpty());
        if (chain.isEmpty() || type == AttestationType.SELF) {
            return Attestation.unverified(format, type);
        }
        try {
            verifier.verify(aaguid, (CertificateBaseAttestationStatement) statement, at);
        } catch (VerificationException e) {
            return Attestation.unverified(format, type);
        }
        Optional<MetadataEntry> entry = format.equals("fido-u2f")
                ? keyIdentifier(chain.get(0)).flatMap(id -> metadata.current().flatMap(blob -> blob.findByKeyId(id)))
                : metadata.find(aaguid.getValue());
        X509Certificate root = rootOf(chain, entry);
        if (configured.stream().anyMatch(anchor -> anchor.getTrustedCert().equals(root))) {
            // An anchor the administrator configured vouches for its own, hardware-bound keys.
            return new Attestation(format, Optional.of(type), Optional.of(subject(root)), Optional.empty(), true);
        }
        return new Attestation(format, Optional.of(type), Optional.of(subject(root)),
                entry.map(MetadataEntry::description).filter(name -> !name.isEmpty()),
                entry.map(MetadataEntry::hardware).orElse(false));
    }

    /** The anchor that issued the top of a validated chain, or the top itself when it is an anchor. */
    private X509Certificate rootOf(List<X509Certificate> chain, Optional<MetadataEntry> entry) {
        X509Certificate top = chain.get(chain.size() - 1);
        return anchors(entry).stream().map(TrustAnchor::getTrustedCert)
                .filter(root -> root.equals(top) || root.getSubjectX500Principal().equals(top.getIssuerX500Principal()))
                .findFirst().orElse(top);
    }

    /** The subject key identifier (RFC 5280 §4.2.1.2) that U2F metadata lists its models by. */
    private static Optional<byte[]> keyIdentifier(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue("2.5.29.14");
        // An OCTET STRING holding the DER of an OCTET STRING: the identifier, 20 bytes in practice (short lengths).
        if (extension == null || extension.length < 4 || extension[0] != 0x04 || extension[2] != 0x04
                || extension[3] != extension.length - 4) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(extension, 4, extension.length));
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
