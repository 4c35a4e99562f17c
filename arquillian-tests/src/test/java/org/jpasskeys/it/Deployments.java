package org.jpasskeys.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive under test: the sample WAR exactly as Maven built it. */
final class Deployments {

    private Deployments() {
    }

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    static WebArchive sample() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("sample.war")));
    }

    /**
     * The sample named {@code name} (so its context root), with {@code settings} added to its own configuration
     * (system properties still override them).
     */
    static WebArchive sampleWith(String name, String settings) {
        WebArchive war = sample();
        String config;
        try (var in = war.get(CONFIG).getAsset().openStream()) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete(CONFIG);
        war.add(new StringAsset(config + "\n" + settings + "\n"), CONFIG);
        // Its own name (and context root): one archive name may be deployed once per container.
        return ShrinkWrap.create(WebArchive.class, name + ".war").merge(war);
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
