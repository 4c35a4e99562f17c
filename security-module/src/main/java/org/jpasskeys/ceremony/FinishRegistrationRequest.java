package org.jpasskeys.ceremony;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to registration options, with what the HTTP layer knows of the caller.
 *
 * @param response  the browser's response
 * @param name      a name for the passkey chosen by the person, if any
 * @param userAgent the User-Agent of the registering browser, if sent
 * @param callerId  the signed-in caller's account id; options issued to an account are completed only by it
 */
public record FinishRegistrationRequest(RegistrationResponse response, Optional<String> name,
                                        Optional<String> userAgent, Optional<String> callerId) {

    public FinishRegistrationRequest {
        Objects.requireNonNull(response);
        Objects.requireNonNull(name);
        Objects.requireNonNull(userAgent);
        Objects.requireNonNull(callerId);
    }
}
