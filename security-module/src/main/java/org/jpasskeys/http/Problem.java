package org.jpasskeys.http;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.util.Objects;

import jakarta.json.JsonObject;

import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.ceremony.CeremonyFailure;

/**
 * An RFC 9457 problem: what went wrong, with a stable {@code code} and a {@code detail} a person can act on.
 *
 * @param status HTTP status
 * @param code   stable machine-readable code
 * @param title  short summary of the kind of problem
 * @param detail what happened and what to do
 */
public record Problem(int status, String code, String title, String detail) {

    public Problem {
        Objects.requireNonNull(code);
        Objects.requireNonNull(title);
        Objects.requireNonNull(detail);
    }

    public static Problem invalidRequest(String detail) {
        return new Problem(400, "invalid_request", "Invalid request", detail);
    }

    public static Problem unauthenticated(String detail) {
        return new Problem(401, "unauthenticated", "Sign-in required", detail);
    }

    /** @param allowed the methods the resource answers, for the person reading the answer */
    public static Problem methodNotAllowed(String allowed) {
        return new Problem(405, "method_not_allowed", "Method not allowed", "Use " + allowed + ".");
    }

    /** Signed in, but not in the role (group) the resource needs. */
    public static Problem forbidden(String detail) {
        return new Problem(403, "forbidden", "Forbidden", detail);
    }

    public static Problem internalError() {
        return new Problem(500, "internal_error", "Internal error",
                "Something went wrong on our side and nothing was changed. Try again in a moment.");
    }

    public static Problem of(CeremonyException e) {
        CeremonyFailure failure = e.failure();
        return new Problem(status(failure), failure.code(), title(failure), e.detail());
    }

    /** The RFC 9457 body. */
    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("type", type())
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("code", code)
                .build();
    }

    /** The {@code type} URI: the code under a fixed namespace. */
    public String type() {
        return "urn:jpasskeys:problem:" + code;
    }

    private static int status(CeremonyFailure failure) {
        return switch (failure) {
            case UNAUTHENTICATED, REAUTHENTICATION_REQUIRED, AUTHENTICATION_FAILED -> 401;
            case CREDENTIAL_ALREADY_REGISTERED, CREDENTIAL_LIMIT_REACHED, USERNAME_TAKEN, LAST_CREDENTIAL -> 409;
            case NOT_FOUND -> 404;
            case AUTHENTICATOR_NOT_ALLOWED -> 422;
            case INVALID_REQUEST, CHALLENGE_NOT_FOUND, ORIGIN_MISMATCH, RP_ID_MISMATCH, USER_VERIFICATION_REQUIRED,
                 USER_PRESENCE_REQUIRED, UNSUPPORTED_ALGORITHM -> 400;
        };
    }

    private static String title(CeremonyFailure failure) {
        return switch (failure) {
            case INVALID_REQUEST -> "Invalid request";
            case UNAUTHENTICATED -> "Sign-in required";
            case REAUTHENTICATION_REQUIRED -> "Recent sign-in required";
            case CHALLENGE_NOT_FOUND -> "Challenge not found";
            case ORIGIN_MISMATCH -> "Origin not allowed";
            case RP_ID_MISMATCH -> "Relying party mismatch";
            case USER_VERIFICATION_REQUIRED -> "User verification required";
            case USER_PRESENCE_REQUIRED -> "User presence required";
            case UNSUPPORTED_ALGORITHM -> "Unsupported algorithm";
            case AUTHENTICATION_FAILED -> "Authentication failed";
            case CREDENTIAL_ALREADY_REGISTERED -> "Passkey already registered";
            case CREDENTIAL_LIMIT_REACHED -> "Too many passkeys";
            case USERNAME_TAKEN -> "Username taken";
            case NOT_FOUND -> "Not found";
            case LAST_CREDENTIAL -> "Last passkey";
            case AUTHENTICATOR_NOT_ALLOWED -> "Authenticator not allowed";
        };
    }
}
