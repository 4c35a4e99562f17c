package org.jpasskeys.testing;

import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.jpasskeys.platform.CryptoProviders;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * With {@code -Djpasskeys.test.crypto=accp} (the security module's second test run), Amazon Corretto Crypto
 * Provider serves every signature of the tests, as {@code passkeys.crypto.provider=accp} makes it serve the
 * module's; a run in which it does not fails instead of passing on the JDK's providers.
 */
public class CryptoProviderExtension implements BeforeAllCallback {

    private static final String PROPERTY = "jpasskeys.test.crypto";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!"accp".equals(System.getProperty(PROPERTY))) {
            return;
        }
        CryptoProviders.apply(new SmallRyeConfigBuilder().withSources(
                new PropertiesConfigSource(Map.of(CryptoProviders.KEY, "accp"), "test", 100)).build());
        String serving = CryptoProviders.describe();
        if (!serving.contains("SHA256withECDSA AmazonCorrettoCryptoProvider")
                || !serving.contains("SHA256withRSA AmazonCorrettoCryptoProvider")) {
            throw new IllegalStateException(PROPERTY + "=accp, but the signatures are served by " + serving);
        }
    }
}
