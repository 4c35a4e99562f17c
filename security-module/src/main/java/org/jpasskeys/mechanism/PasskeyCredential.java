package org.jpasskeys.mechanism;

import java.util.Objects;
import java.util.Optional;

import jakarta.security.enterprise.credential.Credential;
import org.jpasskeys.ceremony.AuthenticationResponse;
import org.jpasskeys.ceremony.CeremonyException;

/**
 * A WebAuthn assertion offered as a Jakarta Security credential; {@link PasskeyIdentityStore} validates it. An
 * identity store can only answer {@code INVALID}: the store leaves why here, for the audit log (e.g. a suspected
 * cloned authenticator). One per request.
 */
public final class PasskeyCredential implements Credential {

    private final AuthenticationResponse response;
    private CeremonyException refusal;

    public PasskeyCredential(AuthenticationResponse response) {
        this.response = Objects.requireNonNull(response);
    }

    public AuthenticationResponse response() {
        return response;
    }

    void refused(CeremonyException reason) {
        refusal = reason;
    }

    /** Why the identity store refused this credential, when it did. */
    Optional<CeremonyException> refusal() {
        return Optional.ofNullable(refusal);
    }
}
