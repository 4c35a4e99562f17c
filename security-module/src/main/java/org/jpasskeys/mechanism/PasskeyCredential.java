package org.jpasskeys.mechanism;

import java.util.Objects;

import jakarta.security.enterprise.credential.Credential;
import org.jpasskeys.ceremony.AuthenticationResponse;

/** A WebAuthn assertion offered as a Jakarta Security credential; {@link PasskeyIdentityStore} validates it. */
public final class PasskeyCredential implements Credential {

    private final AuthenticationResponse response;

    public PasskeyCredential(AuthenticationResponse response) {
        this.response = Objects.requireNonNull(response);
    }

    public AuthenticationResponse response() {
        return response;
    }
}
