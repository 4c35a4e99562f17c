package org.jpasskeys.assurance;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the FIDO Metadata Service says of one authenticator model.
 *
 * @param description     the model's name
 * @param icon            its icon, a {@code data:} URL
 * @param roots           the attestation roots its statements chain to
 * @param hardware        whether its keys are kept in hardware (key protection {@code hardware},
 *                        {@code secure_element} or {@code tee}, and neither {@code software} nor {@code sync_fabric})
 * @param untrustedStatus a status it was ever reported with that means its keys cannot be trusted (revoked,
 *                        compromised, user verification bypassed): a later report of a newer firmware does not cure
 *                        the passkeys of the old one, which the relying party cannot tell apart
 * @param certification   the highest FIDO certification level it reached ({@code FIDO_CERTIFIED_L1} ... {@code L3plus})
 */
public record MetadataEntry(String description, Optional<String> icon, List<X509Certificate> roots, boolean hardware,
                            Optional<String> untrustedStatus, Optional<CertificationLevel> certification) {

    public MetadataEntry {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(icon, "icon");
        roots = List.copyOf(roots);
        Objects.requireNonNull(untrustedStatus, "untrustedStatus");
        Objects.requireNonNull(certification, "certification");
    }
}
