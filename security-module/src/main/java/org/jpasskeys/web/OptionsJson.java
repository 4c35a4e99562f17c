package org.jpasskeys.web;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jpasskeys.ceremony.PublicKeyCredentialCreationOptions;
import org.jpasskeys.ceremony.PublicKeyCredentialDescriptor;
import org.jpasskeys.ceremony.PublicKeyCredentialRequestOptions;
import org.jpasskeys.credential.CredentialIds;

/**
 * Options in the WebAuthn Level 3 JSON forms ({@code PublicKeyCredentialCreationOptionsJSON},
 * {@code PublicKeyCredentialRequestOptionsJSON}) that {@code PublicKeyCredential.parse*OptionsFromJSON} takes.
 */
final class OptionsJson {

    private OptionsJson() {
    }

    static JsonObject creation(PublicKeyCredentialCreationOptions options) {
        JsonArrayBuilder parameters = JSON.createArrayBuilder();
        options.algorithms().forEach(alg -> parameters.add(JSON.createObjectBuilder()
                .add("type", "public-key").add("alg", alg)));
        JsonObjectBuilder selection = JSON.createObjectBuilder()
                .add("residentKey", "required")
                .add("requireResidentKey", true)
                .add("userVerification", "required");
        options.authenticatorAttachment().ifPresent(a -> selection.add("authenticatorAttachment", a));
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("rp", JSON.createObjectBuilder().add("id", options.rpId()).add("name", options.rpName()))
                .add("user", JSON.createObjectBuilder()
                        .add("id", CredentialIds.encode(options.userHandle()))
                        .add("name", options.userName())
                        .add("displayName", options.userDisplayName()))
                .add("challenge", options.challenge())
                .add("pubKeyCredParams", parameters)
                .add("timeout", options.timeout().toMillis())
                .add("excludeCredentials", descriptors(options.excludeCredentials()))
                .add("authenticatorSelection", selection)
                .add("attestation", options.attestation())
                .add("extensions", JSON.createObjectBuilder().add("credProps", true));
        if (!options.hints().isEmpty()) {
            json.add("hints", JSON.createArrayBuilder(options.hints()));
        }
        return json.build();
    }

    static JsonObject request(PublicKeyCredentialRequestOptions options) {
        return JSON.createObjectBuilder()
                .add("challenge", options.challenge())
                .add("timeout", options.timeout().toMillis())
                .add("rpId", options.rpId())
                .add("allowCredentials", descriptors(options.allowCredentials()))
                .add("userVerification", "required")
                .build();
    }

    private static JsonArrayBuilder descriptors(List<PublicKeyCredentialDescriptor> descriptors) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (PublicKeyCredentialDescriptor descriptor : descriptors) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("type", "public-key")
                    .add("id", CredentialIds.encode(descriptor.id()));
            if (!descriptor.transports().isEmpty()) {
                item.add("transports", JSON.createArrayBuilder(descriptor.transports().stream().sorted().toList()));
            }
            array.add(item);
        }
        return array;
    }
}
