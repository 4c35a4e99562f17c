package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jpasskeys.it.ApiClient.Answer;
import org.junit.jupiter.api.Test;

/** The default limits on a fresh server: 5 a minute per username, 10 a minute per address. */
class RateLimitIT extends RestartableServerScenario {

    @Test
    void floodsAreRefusedWith429AndAVictimCanStillSignInWithoutAUsername() {
        controller.start(SERVER);
        deployer.deploy(APP);
        try {
            ApiClient client = new ApiClient(Deployments.restartableServer());
            JsonObject victim = Json.createObjectBuilder().add("username", "victim").build();
            for (int i = 0; i < 5; i++) {
                assertThat(client.post("generate-authentication", victim).status()).isEqualTo(200);
            }
            Answer userLimited = client.post("generate-authentication", victim);
            assertThat(userLimited.status()).isEqualTo(429);
            assertThat(userLimited.code()).isEqualTo("rate_limited");
            assertThat(userLimited.raw().headers().firstValue("retry-after")).isPresent();
            assertThat(userLimited.raw().headers().firstValue("ratelimit-policy"))
                    .hasValue("\"per-username\";q=5;w=60");

            // The per-username limit does not lock the victim out of usernameless sign-in
            // (requests 7 to 10 from this address; the refused one above counted too).
            for (int i = 0; i < 4; i++) {
                assertThat(client.post("generate-authentication-discoverable", JsonValue.EMPTY_JSON_OBJECT).status())
                        .isEqualTo(200);
            }

            Answer addressLimited = client.post("generate-authentication-discoverable", JsonValue.EMPTY_JSON_OBJECT);
            assertThat(addressLimited.status()).isEqualTo(429);
            assertThat(addressLimited.raw().headers().firstValue("ratelimit-policy"))
                    .hasValue("\"per-address\";q=10;w=60");
            assertThat(addressLimited.raw().headers().firstValue("ratelimit")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("\"per-address\";r=0;t="));

            Answer registration = client.post("verify-registration", JsonValue.EMPTY_JSON_OBJECT);
            assertThat(registration.status()).as("verify-registration counts against the same limit").isEqualTo(429);

            Answer spoofed = client.send(java.net.http.HttpRequest.newBuilder(
                            client.uri(ApiClient.API + "generate-authentication-discoverable"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "198.51.100.77")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(spoofed.status()).as("X-Forwarded-For from an untrusted peer is ignored").isEqualTo(429);

            Answer passwordGuess = client.postTo("api/password/sign-in",
                    "{\"username\":\"victim\",\"password\":\"a guessed password\"}", "application/json");
            assertThat(passwordGuess.status()).as("password guesses count against the same limit").isEqualTo(429);
        } finally {
            deployer.undeploy(APP);
            controller.stop(SERVER);
        }
    }
}
