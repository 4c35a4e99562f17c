package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

/**
 * What is stored before the server stops is there after it starts again, exactly (SECURITY-CHECKLIST 35, 61):
 * accounts, a 1023-byte credential id with an RSA-4096 key, transports, BE/BS and the sign counter; a challenge
 * issued before the restart fails cleanly after it.
 */
class RestartIT extends RestartableServerScenario {

    @Test
    void accountsAndPasskeysSurviveARestartAndPendingChallengesFailCleanly() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256().synced();
        SoftwareAuthenticator largest = SoftwareAuthenticator.largest();
        String username = Deployments.uniqueUsername("restart");

        controller.start(SERVER);
        deployer.deploy(APP);
        ApiClient before = new ApiClient(Deployments.restartableServer());
        Answer signUp = before.signUp(phone, username);
        assertThat(signUp.status()).as(signUp.raw().body()).isEqualTo(201);
        Answer added = before.post("verify-registration",
                before.registrationAnswer(largest, JsonValue.EMPTY_JSON_OBJECT).json());
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        assertThat(new ApiClient(Deployments.restartableServer()).signIn(phone).status()).isEqualTo(200);
        SoftwareAuthenticator.Assertion issuedBeforeRestart = before.signInAnswer(largest);
        deployer.undeploy(APP);
        controller.stop(SERVER);

        controller.start(SERVER);
        deployer.deploy(APP);
        ApiClient after = new ApiClient(Deployments.restartableServer());
        Answer stale = after.post("verify-authentication", issuedBeforeRestart.json());
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.code()).isEqualTo("challenge_not_found");

        Answer signIn = after.signIn(phone);
        assertThat(signIn.status()).as(signIn.raw().body()).isEqualTo(200);
        assertThat(signIn.json().getJsonObject("user").getString("username")).isEqualTo(username);
        Answer byLargest = new ApiClient(Deployments.restartableServer()).signIn(largest);
        assertThat(byLargest.status()).as(byLargest.raw().body()).isEqualTo(200);
        JsonArray passkeys = Json.createReader(new StringReader(after.get(ApiClient.API + "credentials", null)
                .raw().body())).readArray();
        assertThat(passkeys).hasSize(2);
        JsonObject synced = passkeys.getJsonObject(0);
        assertThat(synced.getBoolean("backupEligible")).isTrue();
        assertThat(synced.getBoolean("backedUp")).isTrue();
        assertThat(synced.getJsonArray("transports")).hasSize(2);
        assertThat(passkeys.getJsonObject(1).getString("id")).isEqualTo(largest.credentialIdBase64Url());

        phone.setSignCount(1);
        assertThat(new ApiClient(Deployments.restartableServer()).signIn(phone).status())
                .as("the stored counter (2) survived: a counter that does not pass it is refused").isEqualTo(401);
        deployer.undeploy(APP);
        controller.stop(SERVER);
    }
}
