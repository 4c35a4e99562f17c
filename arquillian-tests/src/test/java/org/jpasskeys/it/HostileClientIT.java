package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What hostile clients tried against the sample over real HTTP, each refused on the server under test. */
@ExtendWith(ArquillianExtension.class)
class HostileClientIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sample();
    }

    @ArquillianResource
    URL base;

    @Test
    void deletingALostDevicesPasskeyEndsItsTokensAtOnce() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();
        SoftwareAuthenticator lostPhone = SoftwareAuthenticator.es256();
        ApiClient owner = new ApiClient(base);
        String ownersToken = owner.signUp(laptop, Deployments.uniqueUsername("owner")).json().getString("accessToken");
        assertThat(owner.post("verify-registration", owner.registrationAnswer(lostPhone, JsonValue.EMPTY_JSON_OBJECT)
                .json()).status()).isEqualTo(201);
        ApiClient thief = new ApiClient(base);
        String thiefsToken = thief.signIn(lostPhone).json().getString("accessToken");
        assertThat(thief.get("protected", thiefsToken).status()).isEqualTo(200);

        assertThat(owner.delete("credentials/" + lostPhone.credentialIdBase64Url()).status()).isEqualTo(204);

        ApiClient tokenOnly = new ApiClient(base);
        assertThat(tokenOnly.get("protected", thiefsToken).status()).as("the lost phone's token").isEqualTo(401);
        Answer enrol = tokenOnly.send(HttpRequest.newBuilder(tokenOnly.uri(ApiClient.API + "generate-registration"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + thiefsToken)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(enrol.status()).as("no passkey of the thief's own").isEqualTo(401);
        assertThat(tokenOnly.get("protected", ownersToken).status()).as("the laptop's token").isEqualTo(200);
    }

    @Test
    void signingOutEndsTheTokensOfThatSignInWhetherBySessionOrByToken() {
        SoftwareAuthenticator device = SoftwareAuthenticator.es256();
        String username = Deployments.uniqueUsername("bob");
        ApiClient bob = new ApiClient(base);
        String signUpToken = bob.signUp(device, username).json().getString("accessToken");
        ApiClient otherBrowser = new ApiClient(base);
        String otherToken = otherBrowser.signIn(device).json().getString("accessToken");

        assertThat(bob.postTo("api/sign-out", "{}", "application/json").status()).isEqualTo(204);

        ApiClient tokenOnly = new ApiClient(base);
        assertThat(tokenOnly.get("protected", signUpToken).status()).as("the signed-out session's token")
                .isEqualTo(401);
        Answer other = tokenOnly.get("protected", otherToken);
        assertThat(other.status()).as("another sign-in's token").isEqualTo(200);
        assertThat(other.json().getString("displayName")).as("the display name, also by Bearer")
                .isEqualTo(username + " (test)");

        Answer byToken = tokenOnly.send(HttpRequest.newBuilder(tokenOnly.uri("api/sign-out"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + otherToken)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(byToken.status()).isEqualTo(204);
        assertThat(tokenOnly.get("protected", otherToken).status()).isEqualTo(401);
    }

    @Test
    void aSessionIdInTheUrlSignsNobodyIn() throws Exception {
        ApiClient alice = new ApiClient(base);
        Answer signedUp = alice.signUp(SoftwareAuthenticator.es256(), Deployments.uniqueUsername("alice"));
        String sessionId = signedUp.raw().headers().allValues("set-cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
                .findFirst().orElseThrow();
        assertThat(alice.get("protected", null).status()).as("by cookie").isEqualTo(200);

        HttpClient noCookies = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Appended, not resolved: Liberty's session ids hold a colon, which would read as a URI scheme.
        URI urlSession = URI.create(alice.uri("protected") + ";jsessionid=" + sessionId);
        int status = noCookies.send(HttpRequest.newBuilder(urlSession).header("Accept", "application/json").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(status).isEqualTo(401);
    }

    @Test
    void deeplyNestedJsonIsABadRequestOnEveryJsonEndpoint() {
        ApiClient client = new ApiClient(base);
        String nested = "[".repeat(1_001) + "]".repeat(1_001);
        for (String endpoint : List.of("generate-authentication-discoverable", "verify-authentication",
                "verify-registration", "generate-registration")) {
            Answer answer = client.post(endpoint, "{\"response\":" + nested + "}", "application/json");
            assertThat(answer.status()).as(endpoint).isEqualTo(400);
            assertThat(answer.code()).as(endpoint).isEqualTo("invalid_request");
        }
    }

    @Test
    void malformedExtensionOutputsAreABadRequest() {
        SoftwareAuthenticator device = SoftwareAuthenticator.es256();
        ApiClient client = new ApiClient(base);
        client.signUp(device, Deployments.uniqueUsername("erin"));
        JsonObject answer = client.signInAnswer(device).json();
        JsonObject hostile = Json.createObjectBuilder(answer)
                .add("clientExtensionResults", Json.createObjectBuilder().add("credProps", 5)).build();

        Answer refused = new ApiClient(base).post("verify-authentication", hostile);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("invalid_request");
    }

    @Test
    void parallelRegistrationsNeverPassThePasskeyCap() {
        ApiClient carol = new ApiClient(base);
        assertThat(carol.signUp(SoftwareAuthenticator.es256(), Deployments.uniqueUsername("carol")).status())
                .isEqualTo(201);
        for (int i = 1; i < 8; i++) {
            assertThat(carol.post("verify-registration", carol.registrationAnswer(SoftwareAuthenticator.es256(),
                    JsonValue.EMPTY_JSON_OBJECT).json()).status()).isEqualTo(201);
        }
        List<JsonObject> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(carol.registrationAnswer(SoftwareAuthenticator.es256(), JsonValue.EMPTY_JSON_OBJECT).json());
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(answers.size());
        List<CompletableFuture<Answer>> sent = answers.stream().map(answer -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return carol.post("verify-registration", answer);
        }, threads)).toList();
        start.countDown();
        List<Answer> results = sent.stream().map(CompletableFuture::join).toList();
        threads.shutdown();

        assertThat(results.stream().filter(result -> result.status() == 201)).hasSize(2);
        assertThat(results.stream().filter(result -> result.status() == 409)
                .map(Answer::code)).hasSize(10).containsOnly("credential_limit_reached");
        Answer list = carol.get(ApiClient.API + "credentials", null);
        assertThat(Json.createReader(new StringReader(list.raw().body())).readArray()).hasSize(10);
    }
}
