package org.jpasskeys.assurance;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the FIDO Metadata Service says of one authenticator model.
 *
 * @param description   the model's name
 * @param icon          its icon, a {@code data:} URL
 * @param roots         the attestation roots its statements chain to
 * @param hardware      whether its keys are kept in hardware (key protection {@code hardware}, {@code secure_element}
 *                      or {@code tee}, and not {@code software})
 * @param latestStatus  the status of its latest report, e.g. {@code FIDO_CERTIFIED_L1} or {@code REVOKED}
 * @param statusDate    when that status took effect, if the report says
 * @param certification the highest FIDO certification level it reached ({@code FIDO_CERTIFIED_L1} ... {@code L3plus})
 */
public record MetadataEntry(String description, Optional<String> icon, List<X509Certificate> roots, boolean hardware,
                            Optional<String> latestStatus, Optional<LocalDate> statusDate,
                            Optional<CertificationLevel> certification) {

    /** Statuses after which an authenticator's keys are not to be trusted (FIDO MDS3 §3.1.4). */
    static final Set<String> UNTRUSTED_STATUSES = Set.of("REVOKED", "ATTESTATION_KEY_COMPROMISE",
            "USER_VERIFICATION_BYPASS", "USER_KEY_REMOTE_COMPROMISE", "USER_KEY_PHYSICAL_COMPROMISE");

    public MetadataEntry {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(icon, "icon");
        roots = List.copyOf(roots);
        Objects.requireNonNull(latestStatus, "latestStatus");
        Objects.requireNonNull(statusDate, "statusDate");
        Objects.requireNonNull(certification, "certification");
    }

    /** The latest status when it says the model's keys cannot be trusted any more. */
    public Optional<String> untrustedStatus() {
        return latestStatus.filter(UNTRUSTED_STATUSES::contains);
    }
}
