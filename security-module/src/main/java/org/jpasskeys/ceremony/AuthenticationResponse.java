package org.jpasskeys.ceremony;

import java.util.Objects;
import java.util.Optional;

/**
 * What the browser returns from {@code navigator.credentials.get()}, decoded from its JSON form.
 *
 * @param credentialId         {@code rawId}
 * @param clientDataJSON       {@code response.clientDataJSON}
 * @param authenticatorData    {@code response.authenticatorData}
 * @param signature            {@code response.signature}
 * @param userHandle           {@code response.userHandle}, absent when the client sent none
 * @param clientExtensionsJSON {@code clientExtensionResults} as JSON text, if sent
 */
public record AuthenticationResponse(byte[] credentialId, byte[] clientDataJSON, byte[] authenticatorData,
                                     byte[] signature, Optional<byte[]> userHandle,
                                     Optional<String> clientExtensionsJSON) {

    public AuthenticationResponse {
        credentialId = Objects.requireNonNull(Bytes.copy(credentialId), "credentialId");
        clientDataJSON = Objects.requireNonNull(Bytes.copy(clientDataJSON), "clientDataJSON");
        authenticatorData = Objects.requireNonNull(Bytes.copy(authenticatorData), "authenticatorData");
        signature = Objects.requireNonNull(Bytes.copy(signature), "signature");
        userHandle = userHandle.map(byte[]::clone);
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
    public byte[] authenticatorData() {
        return authenticatorData.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public Optional<byte[]> userHandle() {
        return userHandle.map(byte[]::clone);
    }
}
