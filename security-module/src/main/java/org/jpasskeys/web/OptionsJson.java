package org.jpasskeys.web;

import java.util.List;

import jakarta.json.Json;
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
        JsonArrayBuilder parameters = Json.createArrayBuilder();
        options.algorithms().forEach(alg -> parameters.add(Json.createObjectBuilder()
                .add("type", "public-key").add("alg", alg)));
        JsonObjectBuilder selection = Json.createObjectBuilder()
                .add("residentKey", "required")
                .add("requireResidentKey", true)
                .add("userVerification", "required");
        options.authenticatorAttachment().ifPresent(a -> selection.add("authenticatorAttachment", a));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("rp", Json.createObjectBuilder().add("id", options.rpId()).add("name", options.rpName()))
                .add("user", Json.createObjectBuilder()
                        .add("id", CredentialIds.encode(options.userHandle()))
                        .add("name", options.userName())
                        .add("displayName", options.userDisplayName()))
                .add("challenge", options.challenge())
                .add("pubKeyCredParams", parameters)
                .add("timeout", options.timeout().toMillis())
                .add("excludeCredentials", descriptors(options.excludeCredentials()))
                .add("authenticatorSelection", selection)
                .add("attestation", options.attestation())
                .add("extensions", Json.createObjectBuilder().add("credProps", true));
        if (!options.hints().isEmpty()) {
            json.add("hints", Json.createArrayBuilder(options.hints()));
        }
        return json.build();
    }

    static JsonObject request(PublicKeyCredentialRequestOptions options) {
        return Json.createObjectBuilder()
                .add("challenge", options.challenge())
                .add("timeout", options.timeout().toMillis())
                .add("rpId", options.rpId())
                .add("allowCredentials", descriptors(options.allowCredentials()))
                .add("userVerification", "required")
                .build();
    }

    private static JsonArrayBuilder descriptors(List<PublicKeyCredentialDescriptor> descriptors) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (PublicKeyCredentialDescriptor descriptor : descriptors) {
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("type", "public-key")
                    .add("id", CredentialIds.encode(descriptor.id()));
            if (!descriptor.transports().isEmpty()) {
                item.add("transports", Json.createArrayBuilder(descriptor.transports().stream().sorted().toList()));
            }
            array.add(item);
        }
        return array;
    }
}
