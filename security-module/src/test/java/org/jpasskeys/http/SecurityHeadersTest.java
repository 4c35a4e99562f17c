package org.jpasskeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static final Set<String> PROXIES = Set.of("10.0.0.2");

    @Test
    void everyAnswerGetsThePolicyAndPlainHttpNoStrictTransportSecurity() {
        Map<String, String> headers = apply(request(false, "192.0.2.1", null));

        assertThat(headers).containsEntry("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY)
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY)
                .doesNotContainKey("Strict-Transport-Security");
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "frame-ancestors 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }

    @Test
    void httpsDirectlyOrThroughATrustedProxyGetsStrictTransportSecurity() {
        assertThat(apply(request(true, "192.0.2.1", null))).containsKey("Strict-Transport-Security");
        assertThat(apply(request(false, "10.0.0.2", "https"))).containsKey("Strict-Transport-Security");
    }

    @Test
    void anUntrustedPeerCannotClaimHttps() {
        assertThat(apply(request(false, "192.0.2.1", "https"))).doesNotContainKey("Strict-Transport-Security");
        assertThat(apply(request(false, "10.0.0.2", "http"))).doesNotContainKey("Strict-Transport-Security");
    }

    private static Map<String, String> apply(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                SecurityHeadersTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                    }
                    return null;
                });
        SecurityHeaders.apply(request, response, PROXIES);
        return headers;
    }

    private static HttpServletRequest request(boolean secure, String peer, String forwardedProto) {
        return (HttpServletRequest) Proxy.newProxyInstance(SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isSecure" -> secure;
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> "X-Forwarded-Proto".equals(args[0]) ? forwardedProto : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
