package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness follows the database: a Payara Micro server whose PostgreSQL connections pass through a relay that
 * the test cuts (every connection dropped, new ones refused) and restores.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "it.database", matches = "postgresql", disabledReason = "needs a database server "
        + "reached over TCP; the embedded H2 database cannot be taken away")
@EnabledIfSystemProperty(named = "it.server", matches = "payara", disabledReason = "MicroProfile Health: the WildFly "
        + "and Liberty configurations under test have none")
class DatabaseOutageIT {

    static final String SERVER = "outage";
    static final String APP = "sample-outage";

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
    void readinessGoesDownWhenTheDatabaseIsGoneAndUpWhenItReturns() throws Exception {
        int relayPort = Integer.getInteger("it.outage.db.port");
        try (TcpProxy database = new TcpProxy(relayPort, new InetSocketAddress("127.0.0.1", 5432))) {
            database.start();
            controller.start(SERVER);
            deployer.deploy(APP);
            try {
                URL app = new URL("http://localhost:" + System.getProperty("it.outage.port") + "/jpasskeys-sample/");
                SoftwareAuthenticator key = SoftwareAuthenticator.es256();
                assertThat(new ApiClient(app).signUp(key, Deployments.uniqueUsername("out")).status()).isEqualTo(201);
                assertThat(ready(app).status()).isEqualTo(200);

                database.stop();
                Answer down = awaitReadiness(app, answer -> answer.status() == 503);
                assertThat(OperationsIT.check(down, "jpasskeys").getJsonObject("data").getString("database"))
                        .isEqualTo("unreachable");
                Answer signIn = new ApiClient(app).post("verify-authentication",
                        new ApiClient(app).signInAnswer(key).json());
                assertThat(signIn.status()).as("no sign-in without the database").isEqualTo(500);
                assertThat(signIn.code()).isEqualTo("internal_error");

                database.start();
                Answer up = awaitReadiness(app, answer -> answer.status() == 200);
                assertThat(OperationsIT.check(up, "jpasskeys").getString("status")).isEqualTo("UP");
                assertThat(new ApiClient(app).signIn(key).status()).as("signs in again").isEqualTo(200);
            } finally {
                deployer.undeploy(APP);
                controller.stop(SERVER);
            }
        }
    }

    private static Answer ready(URL app) {
        return new ApiClient(app).send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.getPort() + "/health/ready")).GET());
    }

    private static Answer awaitReadiness(URL app, Predicate<Answer> expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Answer answer = ready(app);
        while (!expected.test(answer) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            answer = ready(app);
        }
        assertThat(expected).as("readiness answered %s: %s", answer.status(), answer.raw().body()).accepts(answer);
        return answer;
    }
}
