package org.jpasskeys.assurance;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
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
 * {@code passkeys.attestation.trust-anchors}, for every authenticator model. webauthn4j's certificate path
 * verifier does the PKIX validation at the registration's time; revocation lists are not fetched (production
 * networks often have no outbound access).
 */
public final class AttestationTrust {

    private final Set<TrustAnchor> anchors;
    private final DefaultCertPathTrustworthinessVerifier verifier;

    public AttestationTrust(Collection<X509Certificate> roots) {
        this.anchors = roots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toUnmodifiableSet());
        this.verifier = new DefaultCertPathTrustworthinessVerifier(new TrustAnchorRepository() {
            @Override
            public Set<TrustAnchor> find(AAGUID aaguid) {
                return anchors;
            }

            @Override
            public Set<TrustAnchor> find(byte[] attestationCertificateKeyIdentifier) {
                return anchors;
            }
        });
    }

    /**
     * What the statement proves: its type, and the anchor its chain leads to when it leads to one at
     * {@code at}. The statement's own signature must have been verified already.
     */
    public Attestation judge(String format, AttestationStatement statement, AAGUID aaguid, Instant at) {
        Optional<List<X509Certificate>> chain = statement instanceof CertificateBaseAttestationStatement certified
                && certified.getX5c() != null && !certified.getX5c().isEmpty()
                ? Optional.of(List.copyOf(certified.getX5c())) : Optional.empty();
        AttestationType type = AttestationType.of(format, chain.isPresent());
        if (chain.isEmpty() || type == AttestationType.SELF || anchors.isEmpty()) {
            return new Attestation(format, Optional.of(type), Optional.empty());
        }
        try {
            verifier.verify(aaguid, (CertificateBaseAttestationStatement) statement, at);
        } catch (VerificationException e) {
            return new Attestation(format, Optional.of(type), Optional.empty());
        }
        return new Attestation(format, Optional.of(type), Optional.of(rootOf(chain.get())));
    }

    /** The anchor that issued the top of a validated chain, or the top itself when it is an anchor. */
    private String rootOf(List<X509Certificate> chain) {
        X509Certificate top = chain.get(chain.size() - 1);
        return anchors.stream().map(TrustAnchor::getTrustedCert)
                .filter(root -> root.equals(top) || root.getSubjectX500Principal().equals(top.getIssuerX500Principal()))
                .findFirst().orElse(top).getSubjectX500Principal().getName();
    }
}
