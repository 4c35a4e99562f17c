package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An account made before the server stops signs in after it starts again: nothing lives only in memory. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestartIT {

    private static final String SERVER = "payara-micro-restartable";
    private static final String APP = "sample-restartable";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = APP, managed = false, testable = false)
    @TargetsContainer(SERVER)
    static WebArchive deployment() {
        return Deployments.sample();
    }

    @Test
    void accountAndPasskeySurviveARestart() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
        String username = Deployments.uniqueUsername("restart");

        controller.start(SERVER);
        deployer.deploy(APP);
        Answer signUp = new ApiClient(Deployments.restartableServer()).signUp(phone, username);
        assertThat(signUp.status()).as(signUp.raw().body()).isEqualTo(201);
        // Payara Micro's Arquillian container runs one server process per deployment: undeploy ends it.
        deployer.undeploy(APP);

        deployer.deploy(APP);
        Answer signIn = new ApiClient(Deployments.restartableServer()).signIn(phone);
        assertThat(signIn.status()).as(signIn.raw().body()).isEqualTo(200);
        assertThat(signIn.json().getJsonObject("user").getString("username")).isEqualTo(username);
        deployer.undeploy(APP);
        controller.stop(SERVER);
    }
}
