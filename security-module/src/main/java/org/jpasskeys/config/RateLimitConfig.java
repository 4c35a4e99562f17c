package org.jpasskeys.config;

import java.util.Set;

/**
 * The limits on the challenge endpoints and {@code verify-authentication}.
 *
 * @param enabled              {@code passkeys.rate-limit.enabled}
 * @param perAddressPerMinute  {@code passkeys.rate-limit.per-address-per-minute}
 * @param perUsernamePerMinute {@code passkeys.rate-limit.per-username-per-minute}: on {@code generate-authentication}
 * @param trustedProxies       {@code passkeys.rate-limit.trusted-proxies}: peers whose {@code X-Forwarded-For} counts
 */
public record RateLimitConfig(boolean enabled, int perAddressPerMinute, int perUsernamePerMinute,
                              Set<String> trustedProxies) {

    public RateLimitConfig {
        PasskeysConfig.requirePositive(perAddressPerMinute, "passkeys.rate-limit.per-address-per-minute");
        PasskeysConfig.requirePositive(perUsernamePerMinute, "passkeys.rate-limit.per-username-per-minute");
        trustedProxies = Set.copyOf(trustedProxies);
    }
}
