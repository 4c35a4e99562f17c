package org.jpasskeys.assurance;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jpasskeys.credential.StoredCredential;

/**
 * Which authenticators may hold the passkeys of some accounts ({@code passkeys.policy.<name>.*}): the default
 * policy applies to everyone, a named one to the members of its groups as well.
 *
 * @param name                {@code default} or the name in the configuration keys
 * @param groups              {@code .groups}: whose passkeys it judges (empty for the default policy)
 * @param attestationRequired {@code .attestation=required}: the authenticator's attestation must be verified to a
 *                            trust anchor
 * @param allowedAaguids      {@code .aaguids.allow}: when not empty, only these models, and only when the attestation
 *                            vouches for the model (an AAGUID alone is the authenticator's own claim)
 * @param deniedAaguids       {@code .aaguids.deny}: never these models
 * @param deviceBound         {@code .device-bound}: no passkey that can be synced to other devices (backup
 *                            eligibility flag set)
 * @param minCertification    {@code .min-certification}: a model the attestation vouches for and the FIDO metadata
 *                            certifies at least at this level
 */
public record AuthenticatorPolicy(String name, Set<String> groups, boolean attestationRequired,
                                  Set<UUID> allowedAaguids, Set<UUID> deniedAaguids, boolean deviceBound,
                                  Optional<CertificationLevel> minCertification) {

    public AuthenticatorPolicy {
        Objects.requireNonNull(name, "name");
        groups = Set.copyOf(groups);
        allowedAaguids = Set.copyOf(allowedAaguids);
        deniedAaguids = Set.copyOf(deniedAaguids);
        Objects.requireNonNull(minCertification, "minCertification");
    }

    /** Any authenticator. */
    public static AuthenticatorPolicy permissive(String name, Set<String> groups) {
        return new AuthenticatorPolicy(name, groups, false, Set.of(), Set.of(), false, Optional.empty());
    }

    /** Whether registration must ask the authenticator for its attestation (and its model) to judge it. */
    public boolean needsAttestation() {
        return attestationRequired || !allowedAaguids.isEmpty() || minCertification.isPresent();
    }

    /**
     * What a person must use instead, when {@code credential} does not meet this policy; {@code metadata} is what
     * the FIDO metadata says of its model.
     */
    public Optional<String> refusal(StoredCredential credential, Optional<MetadataEntry> metadata) {
        if (deniedAaguids.contains(credential.aaguid())) {
            return Optional.of("This account cannot use this kind of authenticator. Use another security key or "
                    + "device, or ask your administrator which ones are approved.");
        }
        boolean attested = credential.attestation().trusted();
        boolean model = credential.attestation().modelVerified();
        if (!allowedAaguids.isEmpty() && !(model && allowedAaguids.contains(credential.aaguid()))) {
            return Optional.of("This account needs a hardware security key from the approved list. Ask your "
                    + "administrator which keys are approved.");
        }
        if (attestationRequired && !attested) {
            return Optional.of("This account needs a security key or device whose maker vouches for it "
                    + "(verified attestation). Use such a key, and allow it to share its make and model.");
        }
        if (minCertification.isPresent() && !(model && metadata.flatMap(MetadataEntry::certification)
                .filter(level -> level.atLeast(minCertification.get())).isPresent())) {
            return Optional.of("This account needs a security key certified by the FIDO Alliance at "
                    + minCertification.get().status().replace("FIDO_CERTIFIED_", "level ") + " or higher. Ask your "
                    + "administrator which keys are approved.");
        }
        if (deviceBound && credential.backupEligible()) {
            return Optional.of("This account needs a passkey that stays on one device, such as a security key, "
                    + "not one synced to your other devices.");
        }
        return Optional.empty();
    }

    /** Whether a member of {@code callerGroups} falls under this policy. */
    boolean appliesTo(Set<String> callerGroups) {
        return groups.stream().anyMatch(callerGroups::contains);
    }
}
