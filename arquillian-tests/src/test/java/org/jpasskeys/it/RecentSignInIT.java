package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

/** Adding or deleting passkeys after the sign-in grew old needs a step-up with a passkey first. */
class RecentSignInIT extends RestartableServerScenario {

    @Test
    void anOldSignInConfirmsWithAPasskeyBeforeChangingPasskeys() throws InterruptedException {
        controller.start(SERVER);
        deployer.deploy(APP);
        try {
            ApiClient alice = new ApiClient(Deployments.restartableServer());
            SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();
            assertThat(alice.signUp(laptop, Deployments.uniqueUsername("alice")).status()).isEqualTo(201);
            Thread.sleep((RECENT_SIGN_IN_SECONDS + 1) * 1000L);

            Answer add = alice.post("generate-registration", JsonValue.EMPTY_JSON_OBJECT);
            Answer delete = alice.delete("credentials/" + laptop.credentialIdBase64Url());
            assertThat(add.status()).isEqualTo(delete.status()).isEqualTo(401);
            assertThat(add.code()).isEqualTo(delete.code()).isEqualTo("reauthentication_required");

            Answer options = alice.post("generate-authentication-from-challenge", JsonValue.EMPTY_JSON_OBJECT);
            assertThat(options.status()).as(options.raw().body()).isEqualTo(200);
            JsonObject assertion = laptop.authenticate(alice.rpId(), alice.origin(),
                    options.json().getString("challenge")).json();
            assertThat(alice.post("verify-authentication", assertion).status()).isEqualTo(200);

            Answer addAfterStepUp = alice.post("generate-registration",
                    Json.createObjectBuilder().add("crossDevice", true).build());
            assertThat(addAfterStepUp.status()).as(addAfterStepUp.raw().body()).isEqualTo(200);
        } finally {
            deployer.undeploy(APP);
            controller.stop(SERVER);
        }
    }
}
