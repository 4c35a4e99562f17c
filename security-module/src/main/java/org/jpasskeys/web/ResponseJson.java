package org.jpasskeys.web;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jpasskeys.ceremony.AuthenticationResponse;
import org.jpasskeys.ceremony.RegistrationResponse;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.ProblemException;

/**
 * Decodes {@code RegistrationResponseJSON} and {@code AuthenticationResponseJSON} (what
 * {@code credential.toJSON()} gives) strictly: every member of the right JSON type, base64url without
 * padding, {@code id} equal to {@code rawId}, {@code type} {@code public-key}. Anything else is a 400.
 */
final class ResponseJson {

    private ResponseJson() {
    }

    static RegistrationResponse registration(JsonObject json) {
        byte[] rawId = credentialId(json);
        JsonObject response = object(json, "response");
        Set<String> transports = new LinkedHashSet<>();
        JsonValue list = response.get("transports");
        if (list != null && list.getValueType() != JsonValue.ValueType.NULL) {
            if (list.getValueType() != JsonValue.ValueType.ARRAY) {
                throw invalid("response.transports must be an array of strings");
            }
            for (JsonValue transport : list.asJsonArray()) {
                if (!(transport instanceof JsonString s) || s.getString().length() > 32 || transports.size() >= 8) {
                    throw invalid("response.transports must be a short array of strings");
                }
                transports.add(s.getString());
            }
        }
        return new RegistrationResponse(rawId, bytes(response, "response.", "clientDataJSON"),
                bytes(response, "response.", "attestationObject"), transports, extensions(json));
    }

    static AuthenticationResponse authentication(JsonObject json) {
        byte[] rawId = credentialId(json);
        JsonObject response = object(json, "response");
        Optional<byte[]> userHandle = optionalString(response, "userHandle", "response.userHandle")
                .map(text -> decode(text, "response.userHandle"));
        if (userHandle.isPresent() && userHandle.get().length > UserAccount.MAX_USER_HANDLE_BYTES) {
            throw invalid("response.userHandle is longer than " + UserAccount.MAX_USER_HANDLE_BYTES + " bytes");
        }
        return new AuthenticationResponse(rawId, bytes(response, "response.", "clientDataJSON"),
                bytes(response, "response.", "authenticatorData"), bytes(response, "response.", "signature"),
                userHandle, extensions(json));
    }

    /** An optional string member, e.g. the passkey {@code name}; {@code path} names it in errors. */
    static Optional<String> optionalString(JsonObject json, String member, String path) {
        JsonValue value = json.get(member);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString s)) {
            throw invalid(path + " must be a string");
        }
        return Optional.of(s.getString());
    }

    /** An optional boolean member, e.g. {@code crossDevice}. */
    static Optional<Boolean> optionalBoolean(JsonObject json, String member) {
        JsonValue value = json.get(member);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
            throw invalid(member + " must be true or false");
        }
        return Optional.of(value.getValueType() == JsonValue.ValueType.TRUE);
    }

    private static byte[] credentialId(JsonObject json) {
        String id = string(json, "id", "id");
        String rawId = string(json, "rawId", "rawId");
        if (!id.equals(rawId)) {
            throw invalid("id and rawId must be equal");
        }
        if (!"public-key".equals(string(json, "type", "type"))) {
            throw invalid("type must be \"public-key\"");
        }
        byte[] bytes = decode(rawId, "rawId");
        if (bytes.length == 0 || bytes.length > StoredCredential.MAX_CREDENTIAL_ID_BYTES) {
            throw invalid("rawId must have 1 to " + StoredCredential.MAX_CREDENTIAL_ID_BYTES + " bytes");
        }
        return bytes;
    }

    private static Optional<String> extensions(JsonObject json) {
        JsonValue value = json.get("clientExtensionResults");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("clientExtensionResults must be an object");
        }
        return Optional.of(value.toString());
    }

    private static JsonObject object(JsonObject json, String member) {
        JsonValue value = json.get(member);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(member + " must be an object");
        }
        return value.asJsonObject();
    }

    private static byte[] bytes(JsonObject json, String prefix, String member) {
        byte[] bytes = decode(string(json, member, prefix + member), prefix + member);
        if (bytes.length == 0) {
            throw invalid(prefix + member + " must not be empty");
        }
        return bytes;
    }

    private static String string(JsonObject json, String member, String path) {
        JsonValue value = json.get(member);
        if (!(value instanceof JsonString s)) {
            throw invalid(path + " must be a string");
        }
        return s.getString();
    }

    private static byte[] decode(String text, String path) {
        try {
            return CredentialIds.decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(path + " must be base64url without padding");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.invalidRequest(detail));
    }
}
