package org.jpasskeys.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.junit.jupiter.api.Test;

class PasskeyDescriptionsTest {

    private final PasskeyDescriptions descriptions = new PasskeyDescriptions(AuthenticatorMetadata.none());

    @Test
    void knownAaguidsHaveNamesAndTheZeroAaguidHasNone() {
        assertThat(descriptions.authenticatorName(UUID.fromString("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")))
                .contains("Google Password Manager");
        assertThat(descriptions.authenticatorName(UUID.fromString("fbfc3007-154e-4ecc-8c0b-6e020557d7bd")))
                .contains("Apple Passwords");
        assertThat(descriptions.authenticatorName(new UUID(0, 0))).isEmpty();
        assertThat(descriptions.authenticatorName(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theDeviceIsTheBrowserAndSystemOfTheUserAgent() {
        assertThat(descriptions.device(Optional.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"))).contains("Chrome on Windows");
        assertThat(descriptions.device(Optional.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")))
                .contains("Mobile Safari on iOS");
        assertThat(descriptions.device(Optional.of("JUnit"))).isEmpty();
        assertThat(descriptions.device(Optional.empty())).isEmpty();
    }
}
