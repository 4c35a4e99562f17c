package org.jpasskeys.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class CryptoProvidersTest {

    @Test
    void theJdkProvidersServeByDefaultAndNothingIsInstalled() {
        assertThat(CryptoProviders.apply(config(Map.of()))).isEmpty();
        assertThat(CryptoProviders.apply(config(Map.of(CryptoProviders.KEY, " JDK ")))).isEmpty();
        assertThat(CryptoProviders.describe()).contains("SHA256withECDSA ").contains("SHA256withRSA ")
                .contains("Ed25519 ");
    }

    @Test
    void anUnknownChoiceStopsTheStart() {
        assertThatThrownBy(() -> CryptoProviders.apply(config(Map.of(CryptoProviders.KEY, "bouncycastle"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CryptoProviders.KEY);
    }

    @Test
    void withoutTheProviderOnTheClassPathTheJdkServesAndSaysWhy() {
        ClassLoader withoutAccp = new ClassLoader(null) {
        };
        assertThat(CryptoProviders.installAccp(withoutAccp)).isEmpty();
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }
}
