package org.jpasskeys.ceremony;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to registration options, with what the HTTP layer knows of the caller.
 *
 * @param response  the browser's response
 * @param name      a name for the passkey chosen by the person, if any
 * @param userAgent the User-Agent of the registering browser, if sent
 */
public record FinishRegistrationRequest(RegistrationResponse response, Optional<String> name,
                                        Optional<String> userAgent) {

    public FinishRegistrationRequest {
        Objects.requireNonNull(response);
        Objects.requireNonNull(name);
        Objects.requireNonNull(userAgent);
    }
}
