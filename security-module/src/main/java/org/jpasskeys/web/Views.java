package org.jpasskeys.web;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.time.Instant;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jpasskeys.assurance.Attestation;
import org.jpasskeys.assurance.AttestationType;
import org.jpasskeys.assurance.PasskeyAssurance;
import org.jpasskeys.credential.PasskeyDescriptions;
import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.mechanism.PasskeyPrincipal;
import org.jpasskeys.token.AccessToken;

/** The JSON views of DESIGN §3: {@code UserView}, {@code CredentialView} and the token fields. */
final class Views {

    private Views() {
    }

    static JsonObject user(UserAccount user) {
        return user(user.id(), user.username(), user.displayName());
    }

    static JsonObject user(String id, String username, String displayName) {
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("username", username)
                .add("displayName", displayName)
                .build();
    }

    static JsonObject credential(StoredCredential credential, PasskeyDescriptions descriptions) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", credential.credentialIdBase64Url())
                .add("name", credential.name())
                .add("createdAt", credential.createdAt().toString());
        text(json, "lastUsedAt", credential.lastUsedAt().map(Instant::toString));
        json.add("transports", JSON.createArrayBuilder(credential.transports().stream().sorted().toList()))
                .add("backupEligible", credential.backupEligible())
                .add("backedUp", credential.backedUp())
                .add("aaguid", credential.aaguid().toString());
        text(json, "authenticatorName", descriptions.authenticatorName(credential.aaguid()));
        text(json, "authenticatorIcon", descriptions.authenticatorIcon(credential.aaguid()));
        text(json, "device", descriptions.device(credential.userAgent()));
        Attestation attestation = credential.attestation();
        JsonObjectBuilder attested = JSON.createObjectBuilder().add("format", attestation.format())
                .add("verified", attestation.trusted()).add("hardware", attestation.hardware());
        text(attested, "type", attestation.type().map(AttestationType::code));
        text(attested, "model", attestation.model());
        json.add("attestation", attested)
                .add("assurance", PasskeyAssurance.of(credential).acr());
        return json.build();
    }

    /** The token members of a sign-in answer, added to {@code json}. */
    static JsonObjectBuilder token(JsonObjectBuilder json, AccessToken token, PasskeyPrincipal caller) {
        return json
                .add("accessToken", token.value())
                .add("tokenType", "Bearer")
                .add("expiresIn", token.expiresInSeconds())
                .add("aal", caller.aal())
                .add("authMethod", caller.authMethod());
    }

    static void text(JsonObjectBuilder json, String name, Optional<String> value) {
        if (value.isPresent()) {
            json.add(name, value.get());
        } else {
            json.addNull(name);
        }
    }
}
