package org.jpasskeys.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jpasskeys.ceremony.AuthenticationResponse;
import org.jpasskeys.http.ProblemException;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResponseJsonTest {

    private final SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();

    @Test
    void browserJsonIsDecoded() {
        authenticator.register("example.com", "https://example.com", "AAAA", new byte[] {1, 2, 3});
        JsonObject json = authenticator.authenticate("example.com", "https://example.com", "AAAA").json();

        AuthenticationResponse response = ResponseJson.authentication(json);

        assertThat(response.credentialId()).isEqualTo(authenticator.credentialId());
        assertThat(response.userHandle()).hasValueSatisfying(h -> assertThat(h).containsExactly(1, 2, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"id\":1,\"rawId\":1,\"type\":\"public-key\",\"response\":{}}",
        "{\"id\":\"AA\",\"rawId\":\"AB\",\"type\":\"public-key\",\"response\":{}}",
        "{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"password\",\"response\":{}}",
        "{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\"}",
        "{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":[]}",
        "{\"id\":\"A+/=\",\"rawId\":\"A+/=\",\"type\":\"public-key\",\"response\":{}}",
        "{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"AA\","
                + "\"authenticatorData\":\"AA\",\"signature\":\"\"}}",
        "{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"AA\","
                + "\"authenticatorData\":\"AA\",\"signature\":\"AA\",\"userHandle\":7}}",
        "{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"AA\","
                + "\"authenticatorData\":\"AA\",\"signature\":\"AA\",\"userHandle\":\"!!\"}}",
        "{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"clientExtensionResults\":[],"
                + "\"response\":{\"clientDataJSON\":\"AA\",\"authenticatorData\":\"AA\",\"signature\":\"AA\"}}"
    })
    void malformedAuthenticationJsonIsAnInvalidRequest(String body) {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> ResponseJson.authentication(parse(body)));

        assertThat(e).isNotNull();
        assertThat(e.problem().status()).isEqualTo(400);
        assertThat(e.problem().code()).isEqualTo("invalid_request");
    }

    @Test
    void userHandleOver64BytesIsAnInvalidRequest() {
        authenticator.register("example.com", "https://example.com", "AAAA", new byte[65]);
        JsonObject json = authenticator.authenticate("example.com", "https://example.com", "AAAA").json();

        ProblemException e = catchThrowableOfType(ProblemException.class, () -> ResponseJson.authentication(json));

        assertThat(e.problem().detail()).contains("64 bytes");
    }

    @Test
    void credentialIdOver1023BytesIsAnInvalidRequest() {
        SoftwareAuthenticator longId = SoftwareAuthenticator.withCredentialId(new byte[1024]);
        JsonObject json = longId.register("example.com", "https://example.com", "AAAA", new byte[1]).json();

        assertThat(catchThrowableOfType(ProblemException.class, () -> ResponseJson.registration(json))).isNotNull();
    }

    @Test
    void transportsMustBeStrings() {
        JsonObject json = authenticator.register("example.com", "https://example.com", "AAAA", new byte[1]).json();
        JsonObject broken = Json.createObjectBuilder(json)
                .add("response", Json.createObjectBuilder(json.getJsonObject("response"))
                        .add("transports", Json.createArrayBuilder().add(1)))
                .build();

        assertThat(catchThrowableOfType(ProblemException.class, () -> ResponseJson.registration(broken))).isNotNull();
    }

    private static JsonObject parse(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
