package org.jpasskeys.credential;

import java.time.Instant;
import java.util.Objects;

/**
 * What a successful sign-in changes on a credential.
 *
 * @param credentialId the credential that signed in
 * @param signCount    the counter from the authenticator data
 * @param backedUp     the BS flag from the authenticator data
 * @param usedAt       when the sign-in happened
 */
public record SignInUpdate(byte[] credentialId, long signCount, boolean backedUp, Instant usedAt) {

    public SignInUpdate {
        credentialId = Objects.requireNonNull(credentialId, "credentialId").clone();
        Objects.requireNonNull(usedAt, "usedAt");
    }

    @Override
    public byte[] credentialId() {
        return credentialId.clone();
    }
}
