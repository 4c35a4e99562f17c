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

    @Test
    void ipv6ClientsOfOnePrefixShareOneKey() {
        String first = ClientAddress.rateLimitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 64);

        assertThat(first).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.rateLimitKey("2001:db8:1:2::1", 64)).isEqualTo(first);
        assertThat(ClientAddress.rateLimitKey("[2001:db8:1:2:ffff::9%eth0]", 64)).isEqualTo(first);
        assertThat(ClientAddress.rateLimitKey("2001:db8:1:3::1", 64)).isNotEqualTo(first);
        assertThat(ClientAddress.rateLimitKey("2001:db8:1:3::1", 48)).isEqualTo("2001:db8:1:0:0:0:0:0/48");
        assertThat(ClientAddress.rateLimitKey("2001:db8::1", 128)).isEqualTo("2001:db8:0:0:0:0:0:1/128");
    }

    @Test
    void ipv4ClientsAndOddValuesKeepTheirAddress() {
        assertThat(ClientAddress.rateLimitKey("203.0.113.9", 64)).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.rateLimitKey("::ffff:203.0.113.9", 64)).isEqualTo("::ffff:203.0.113.9");
        assertThat(ClientAddress.rateLimitKey("not:an:address", 64)).isEqualTo("not:an:address");
    }
}
