package org.jpasskeys.it;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scenario that starts and stops its own server (the container {@value #SERVER} of each
 * {@code arquillian-<server>.xml}; on Payara Micro one process per deployment). The server keeps the default
 * rate limits; a sign-in counts as recent ({@code passkeys.credentials.recent-sign-in}) for
 * {@value #RECENT_SIGN_IN_SECONDS} seconds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class RestartableServerScenario {

    static final String SERVER = "restartable";
    static final String APP = "sample-restartable";
    static final int RECENT_SIGN_IN_SECONDS = 3;

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = APP, managed = false, testable = false)
    @TargetsContainer(SERVER)
    static WebArchive deployment() {
        return Deployments.sample();
    }
}
