package org.jpasskeys.ceremony;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a registration ceremony, as WebAuthn Level 3 names them. Resident key and
 * user verification are always {@code required}.
 *
 * @param rpId                    relying party id
 * @param rpName                  relying party name
 * @param userHandle              {@code user.id}
 * @param userName                {@code user.name}
 * @param userDisplayName         {@code user.displayName}
 * @param challenge               base64url challenge
 * @param algorithms              COSE algorithm identifiers, most preferred first
 * @param timeout                 how long the client should wait for the person
 * @param excludeCredentials      the account's existing passkeys
 * @param attestation             attestation conveyance preference
 * @param hints                   client hints, e.g. {@code hybrid}
 * @param authenticatorAttachment {@code cross-platform} for a passkey on another device
 */
public record PublicKeyCredentialCreationOptions(String rpId, String rpName, byte[] userHandle, String userName,
                                                 String userDisplayName, String challenge, List<Integer> algorithms,
                                                 Duration timeout, List<PublicKeyCredentialDescriptor> excludeCredentials,
                                                 String attestation, List<String> hints,
                                                 Optional<String> authenticatorAttachment) {

    public PublicKeyCredentialCreationOptions {
        Objects.requireNonNull(rpId);
        Objects.requireNonNull(rpName);
        userHandle = Objects.requireNonNull(Bytes.copy(userHandle));
        Objects.requireNonNull(userName);
        Objects.requireNonNull(userDisplayName);
        Objects.requireNonNull(challenge);
        algorithms = List.copyOf(algorithms);
        Objects.requireNonNull(timeout);
        excludeCredentials = List.copyOf(excludeCredentials);
        Objects.requireNonNull(attestation);
        hints = List.copyOf(hints);
        Objects.requireNonNull(authenticatorAttachment);
    }

    @Override
    public byte[] userHandle() {
        return userHandle.clone();
    }
}
