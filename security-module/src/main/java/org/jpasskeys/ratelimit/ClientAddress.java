package org.jpasskeys.ratelimit;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request comes from: the socket peer, unless the peer is a trusted proxy, in which case the
 * nearest address in {@code X-Forwarded-For} that is not itself a trusted proxy. A client cannot choose its
 * address by sending the header itself.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, Set<String> trustedProxies) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
    }

    static String of(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
