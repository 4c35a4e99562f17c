package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

/** An account made before the server stops signs in after it starts again: nothing lives only in memory. */
class RestartIT extends RestartableServerScenario {

    @Test
    void accountAndPasskeySurviveARestart() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
        String username = Deployments.uniqueUsername("restart");

        controller.start(SERVER);
        deployer.deploy(APP);
        Answer signUp = new ApiClient(Deployments.restartableServer()).signUp(phone, username);
        assertThat(signUp.status()).as(signUp.raw().body()).isEqualTo(201);
        // Ends the server process (see RestartableServerScenario).
        deployer.undeploy(APP);

        deployer.deploy(APP);
        Answer signIn = new ApiClient(Deployments.restartableServer()).signIn(phone);
        assertThat(signIn.status()).as(signIn.raw().body()).isEqualTo(200);
        assertThat(signIn.json().getJsonObject("user").getString("username")).isEqualTo(username);
        deployer.undeploy(APP);
        controller.stop(SERVER);
    }
}
