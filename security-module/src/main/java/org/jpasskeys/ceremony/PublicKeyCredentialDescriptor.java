package org.jpasskeys.ceremony;

import java.util.Objects;
import java.util.Set;

import org.jpasskeys.credential.StoredCredential;

/**
 * A credential named in {@code excludeCredentials} or {@code allowCredentials}.
 *
 * @param id         the credential id
 * @param transports the transports the client reported for it
 */
public record PublicKeyCredentialDescriptor(byte[] id, Set<String> transports) {

    public PublicKeyCredentialDescriptor {
        id = Objects.requireNonNull(Bytes.copy(id), "id");
        transports = Set.copyOf(transports);
    }

    /** The descriptor of a stored passkey. */
    public static PublicKeyCredentialDescriptor of(StoredCredential credential) {
        return new PublicKeyCredentialDescriptor(credential.credentialId(), credential.transports());
    }

    @Override
    public byte[] id() {
        return id.clone();
    }
}
