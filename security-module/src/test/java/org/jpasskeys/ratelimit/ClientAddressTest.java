package org.jpasskeys.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> PROXIES = Set.of("10.0.0.1", "10.0.0.2");

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(ClientAddress.of("203.0.113.9", "198.51.100.1", PROXIES)).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of("203.0.113.9", "198.51.100.1", Set.of())).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        assertThat(ClientAddress.of("10.0.0.1", "198.51.100.1", PROXIES)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of("10.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2", PROXIES)).isEqualTo("198.51.100.1");
    }

    @Test
    void aTrustedPeerWithoutForwardingIsItself() {
        assertThat(ClientAddress.of("10.0.0.1", null, PROXIES)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.of("10.0.0.1", " , 10.0.0.2", PROXIES)).isEqualTo("10.0.0.1");
    }
}
