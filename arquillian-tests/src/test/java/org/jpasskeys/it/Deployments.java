package org.jpasskeys.it;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.UUID;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive under test: the sample WAR exactly as Maven built it. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive sample() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("sample.war")));
    }

    /** Where the restartable server serves the sample (the context root is the archive's name). */
    static URL restartableServer() {
        try {
            return new URL("http://localhost:" + System.getProperty("it.restart.port") + "/jpasskeys-sample/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A username no earlier run has taken (the PostgreSQL database outlives test runs). */
    static String uniqueUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
