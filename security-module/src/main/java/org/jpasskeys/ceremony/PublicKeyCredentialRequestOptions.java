package org.jpasskeys.ceremony;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The options of an authentication ceremony. User verification is always {@code required};
 * an empty {@code allowCredentials} lets the authenticator offer its discoverable credentials.
 *
 * @param rpId             relying party id
 * @param challenge        base64url challenge
 * @param timeout          how long the client should wait for the person
 * @param allowCredentials the credentials that may answer; empty for usernameless sign-in
 */
public record PublicKeyCredentialRequestOptions(String rpId, String challenge, Duration timeout,
                                                List<PublicKeyCredentialDescriptor> allowCredentials) {

    public PublicKeyCredentialRequestOptions {
        Objects.requireNonNull(rpId);
        Objects.requireNonNull(challenge);
        Objects.requireNonNull(timeout);
        allowCredentials = List.copyOf(allowCredentials);
    }
}
