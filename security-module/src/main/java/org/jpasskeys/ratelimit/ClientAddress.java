package org.jpasskeys.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jpasskeys.config.RateLimitConfig;

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

    /** The client of {@code request} as the per-client limits count it (see {@link #rateLimitKey}). */
    public static String limitedClient(HttpServletRequest request, RateLimitConfig config) {
        return rateLimitKey(of(request, config.trustedProxies()), config.ipv6PrefixLength());
    }

    /**
     * What the per-address limit counts {@code address} as: an IPv4 address as it is, an IPv6 address by its first
     * {@code ipv6PrefixLength} bits, so that a client holding a /64 cannot spread its requests over 2^64 buckets.
     */
    static String rateLimitKey(String address, int ipv6PrefixLength) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        byte[] bytes;
        try {
            // A literal only (never a name to resolve); brackets and a zone such as %eth0 are left out.
            String literal = address.replace("[", "").replace("]", "");
            int zone = literal.indexOf('%');
            bytes = InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone)).getAddress();
        } catch (UnknownHostException e) {
            return address;
        }
        if (bytes.length != 16) {
            return address; // an IPv4-mapped address comes back as IPv4
        }
        for (int bit = ipv6PrefixLength; bit < 128; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + ipv6PrefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
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
