package org.jpasskeys.assurance;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.webauthn4j.data.attestation.statement.AttestationStatement;
import com.webauthn4j.data.attestation.statement.CertificateBaseAttestationStatement;

/**
 * Judges a verified attestation statement's certificate chain against the trust anchors: the roots of
 * {@code passkeys.attestation.trust-anchors} for every model, and the attestation roots the FIDO metadata lists
 * for the statement's model (its AAGUID), unless the metadata reports that model compromised. The JDK's PKIX
 * validation runs at the registration's time, as webauthn4j's certificate path verifier does, and tells which
 * anchor the chain led to; revocation lists are not fetched (production networks often have no outbound access).
 */
public final class AttestationTrust {

    /** FIDO's certificate extension naming the model (id-fido-gen-ce-aaguid). */
    private static final String AAGUID_EXTENSION = "1.3.6.1.4.1.45724.1.1.4";

    private final Set<X509Certificate> configured;
    private final AuthenticatorMetadata metadata;

    public AttestationTrust(Collection<X509Certificate> roots, AuthenticatorMetadata metadata) {
        this.configured = Set.copyOf(roots);
        this.metadata = metadata;
    }

    /**
     * What the statement proves: its type, the anchor its chain leads to at {@code at} when it leads to one, and
     * whether that vouches for the model and for a hardware key. The statement's own signature must have been
     * verified already.
     */
    public Attestation judge(String format, AttestationStatement statement, UUID aaguid, Instant at) {
        List<X509Certificate> chain = statement instanceof CertificateBaseAttestationStatement certified
                && certified.getX5c() != null ? List.copyOf(certified.getX5c()) : List.of();
        AttestationType type = AttestationType.of(format, !chain.isEmpty());
        if (chain.isEmpty()) {
            return Attestation.unverified(format, type);
        }
        // One look at the metadata: a refresh meanwhile must not mix two BLOBs.
        Optional<MetadataEntry> entry = metadata.find(aaguid).filter(found -> found.untrustedStatus().isEmpty());
        Set<X509Certificate> listed = entry.map(found -> Set.copyOf(found.roots())).orElse(Set.of());
        Optional<X509Certificate> root = anchorOf(chain, union(configured, listed), at);
        if (root.isEmpty()) {
            return Attestation.unverified(format, type);
        }
        String subject = root.get().getSubjectX500Principal().getName();
        if (listed.contains(root.get())) {
            return new Attestation(format, Optional.of(type), Optional.of(subject),
                    entry.map(MetadataEntry::description).filter(name -> !name.isEmpty()),
                    entry.get().hardware(), true);
        }
        // A root the administrator configured certifies authenticators of their own choice, hardware ones (the
        // README says so); the model is vouched for only where the certificate names it.
        return new Attestation(format, Optional.of(type), Optional.of(subject), Optional.empty(), true,
                namesModel(chain.get(0), aaguid));
    }

    /** The anchor a chain (attestation certificate first) validates to at {@code at}, if any. */
    private static Optional<X509Certificate> anchorOf(List<X509Certificate> chain, Set<X509Certificate> anchors,
                                                      Instant at) {
        if (anchors.isEmpty()) {
            return Optional.empty();
        }
        // The attestation certificate may itself be the anchor; PKIX wants a path that stops below its anchor.
        if (anchors.contains(chain.get(0))) {
            return Optional.of(chain.get(0)).filter(certificate -> validAt(certificate, at));
        }
        List<X509Certificate> path = chain.stream().takeWhile(certificate -> !anchors.contains(certificate)).toList();
        try {
            PKIXParameters parameters = new PKIXParameters(anchors.stream().map(root -> new TrustAnchor(root, null))
                    .collect(Collectors.toSet()));
            parameters.setRevocationEnabled(false);
            // TPM attestation certificates carry qualifiers in a critical policies extension (as webauthn4j allows).
            parameters.setPolicyQualifiersRejected(false);
            parameters.setDate(Date.from(at));
            PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return Optional.of(result.getTrustAnchor().getTrustedCert());
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether the attestation certificate's FIDO extension names {@code aaguid} (an OCTET STRING in an OCTET STRING). */
    private static boolean namesModel(X509Certificate certificate, UUID aaguid) {
        byte[] extension = certificate.getExtensionValue(AAGUID_EXTENSION);
        if (extension == null || extension.length != 20 || extension[0] != 0x04 || extension[1] != 18
                || extension[2] != 0x04 || extension[3] != 16) {
            return false;
        }
        ByteBuffer expected = ByteBuffer.allocate(16).putLong(aaguid.getMostSignificantBits())
                .putLong(aaguid.getLeastSignificantBits());
        return Arrays.equals(Arrays.copyOfRange(extension, 4, 20), expected.array());
    }

    private static Set<X509Certificate> union(Set<X509Certificate> a, Set<X509Certificate> b) {
        Set<X509Certificate> both = new HashSet<>(a);
        both.addAll(b);
        return both;
    }
}
