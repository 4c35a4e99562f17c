package org.jpasskeys.credential;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jpasskeys.assurance.Attestation;

/**
 * A registered passkey as the relying party keeps it.
 *
 * @param credentialId      the authenticator's credential id (at most 1023 bytes)
 * @param userId            the owning account's {@link UserAccount#id()}
 * @param publicKeyCose     the credential public key, COSE_Key encoded
 * @param signCount         the last sign counter seen; 0 when the authenticator keeps none
 * @param uvInitialized     whether user verification was performed at registration
 * @param backupEligible    BE flag at registration; it never changes for a credential
 * @param backedUp          BS flag as last seen
 * @param transports        transports reported by the client at registration
 * @param aaguid            the authenticator model, all-zero when not disclosed
 * @param attestation       what the registration's attestation proved about the authenticator
 * @param name              a name the person can recognise
 * @param createdAt         when it was registered
 * @param lastUsedAt        when it last signed in, if ever
 * @param userAgent         the User-Agent of the browser that registered it, if sent
 */
public record StoredCredential(byte[] credentialId, String userId, byte[] publicKeyCose, long signCount,
                               boolean uvInitialized, boolean backupEligible, boolean backedUp,
                               Set<String> transports, UUID aaguid, Attestation attestation, String name,
                               Instant createdAt, Optional<Instant> lastUsedAt, Optional<String> userAgent) {

    /** The longest credential id WebAuthn allows. */
    public static final int MAX_CREDENTIAL_ID_BYTES = 1023;

    public StoredCredential {
        credentialId = Objects.requireNonNull(credentialId, "credentialId").clone();
        if (credentialId.length == 0 || credentialId.length > MAX_CREDENTIAL_ID_BYTES) {
            throw new IllegalArgumentException("a credential id has 1 to 1023 bytes");
        }
        Objects.requireNonNull(userId, "userId");
        publicKeyCose = Objects.requireNonNull(publicKeyCose, "publicKeyCose").clone();
        if (signCount < 0 || signCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a sign counter is an unsigned 32-bit value");
        }
        transports = Set.copyOf(transports);
        Objects.requireNonNull(aaguid, "aaguid");
        Objects.requireNonNull(attestation, "attestation");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    @Override
    public byte[] credentialId() {
        return credentialId.clone();
    }

    @Override
    public byte[] publicKeyCose() {
        return publicKeyCose.clone();
    }

    /** The credential id as the HTTP API shows it. */
    public String credentialIdBase64Url() {
        return CredentialIds.encode(credentialId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredCredential that && Arrays.equals(credentialId, that.credentialId)
                && userId.equals(that.userId) && Arrays.equals(publicKeyCose, that.publicKeyCose)
                && signCount == that.signCount && uvInitialized == that.uvInitialized
                && backupEligible == that.backupEligible && backedUp == that.backedUp
                && transports.equals(that.transports) && aaguid.equals(that.aaguid)
                && attestation.equals(that.attestation) && name.equals(that.name)
                && createdAt.equals(that.createdAt) && lastUsedAt.equals(that.lastUsedAt)
                && userAgent.equals(that.userAgent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(credentialId), userId, signCount, aaguid, createdAt);
    }
}
