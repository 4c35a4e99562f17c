package org.jpasskeys.ceremony;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the browser returns from {@code navigator.credentials.create()}, decoded from its JSON form.
 *
 * @param credentialId         {@code rawId}
 * @param clientDataJSON       {@code response.clientDataJSON}
 * @param attestationObject    {@code response.attestationObject}
 * @param transports           {@code response.transports}
 * @param clientExtensionsJSON {@code clientExtensionResults} as JSON text, if sent
 */
public record RegistrationResponse(byte[] credentialId, byte[] clientDataJSON, byte[] attestationObject,
                                   Set<String> transports, Optional<String> clientExtensionsJSON) {

    public RegistrationResponse {
        credentialId = Objects.requireNonNull(Bytes.copy(credentialId), "credentialId");
        clientDataJSON = Objects.requireNonNull(Bytes.copy(clientDataJSON), "clientDataJSON");
        attestationObject = Objects.requireNonNull(Bytes.copy(attestationObject), "attestationObject");
        transports = Set.copyOf(transports);
        Objects.requireNonNull(clientExtensionsJSON);
    }

    @Override
    public byte[] credentialId() {
        return credentialId.clone();
    }

    @Override
    public byte[] clientDataJSON() {
        return clientDataJSON.clone();
    }

    @Override
    public byte[] attestationObject() {
        return attestationObject.clone();
    }
}
