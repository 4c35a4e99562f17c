package org.jpasskeys.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jpasskeys.testing.SoftwareAuthenticator;

/** A browser-like client of the deployed sample: its own cookie jar, JSON in and out. */
final class ApiClient {

    static final String API = "v1/portal/mfa/passkey/";

    private final URI base;
    private final String origin;
    private final HttpClient http;

    ApiClient(URL deployment) {
        // Servers report their host address; the relying party is configured for localhost.
        String path = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        this.base = URI.create("http://localhost:" + deployment.getPort() + path);
        this.origin = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
        // HTTP/1.1 as browsers speak it without TLS (no h2c upgrade: Open Liberty 26 never answers a welcome page
        // requested with one).
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** What the server answered. */
    record Answer(int status, HttpResponse<String> raw) {
        JsonObject json() {
            return Json.createReader(new StringReader(raw.body())).readObject();
        }

        String code() {
            return json().getString("code");
        }
    }

    String origin() {
        return origin;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    String rpId() {
        return base.getHost();
    }

    Answer post(String endpoint, JsonValue body) {
        return post(endpoint, body.toString(), "application/json");
    }

    Answer post(String endpoint, String body, String contentType) {
        return postTo(API + endpoint, body, contentType);
    }

    /** A POST to a path of the application itself (not of the passkey API). */
    Answer postTo(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer patch(String endpoint, JsonValue body) {
        return send(HttpRequest.newBuilder(base.resolve(API + endpoint))
                .header("Content-Type", "application/json")
                .header("Origin", origin)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Answer delete(String endpoint) {
        return send(HttpRequest.newBuilder(base.resolve(API + endpoint)).header("Origin", origin).DELETE());
    }

    Answer get(String path, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.GET());
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sign-up options answered by {@code authenticator}, ready to be sent to verify-registration. */
    SoftwareAuthenticator.Registration signUpAnswer(SoftwareAuthenticator authenticator, String username) {
        return registrationAnswer(authenticator, Json.createObjectBuilder()
                .add("username", username).add("displayName", username + " (test)").build());
    }

    /** Creation options for {@code body} answered by {@code authenticator}. */
    SoftwareAuthenticator.Registration registrationAnswer(SoftwareAuthenticator authenticator, JsonObject body) {
        Answer options = post("generate-registration", body);
        if (options.status() != 200) {
            throw new AssertionError("generate-registration answered " + options.status() + ": " + options.raw().body());
        }
        JsonObject json = options.json();
        return authenticator.register(rpId(), origin, json.getString("challenge"),
                Base64.getUrlDecoder().decode(json.getJsonObject("user").getString("id")));
    }

    Answer signUp(SoftwareAuthenticator authenticator, String username) {
        return post("verify-registration", signUpAnswer(authenticator, username).json());
    }

    /** Usernameless sign-in options answered by {@code authenticator}. */
    SoftwareAuthenticator.Assertion signInAnswer(SoftwareAuthenticator authenticator) {
        Answer options = post("generate-authentication-discoverable", JsonValue.EMPTY_JSON_OBJECT);
        if (options.status() != 200) {
            throw new AssertionError("generate-authentication-discoverable answered " + options.status());
        }
        return authenticator.authenticate(rpId(), origin, options.json().getString("challenge"));
    }

    Answer signIn(SoftwareAuthenticator authenticator) {
        return post("verify-authentication", signInAnswer(authenticator).json());
    }

    /** The sample's password sign-in. */
    Answer signInWithPassword(String username, String password) {
        return postTo("api/password/sign-in", Json.createObjectBuilder().add("username", username)
                .add("password", password).build().toString(), "application/json");
    }

    /** A passkey from {@code authenticator} added to the signed-in account. */
    Answer addPasskey(SoftwareAuthenticator authenticator) {
        return post("verify-registration", registrationAnswer(authenticator, JsonValue.EMPTY_JSON_OBJECT).json());
    }
}
