package org.jpasskeys.config;

import java.util.Set;

/**
 * The limits on the challenge endpoints and {@code verify-authentication}.
 *
 * @param enabled              {@code passkeys.rate-limit.enabled}
 * @param perAddressPerMinute  {@code passkeys.rate-limit.per-address-per-minute}
 * @param perUsernamePerMinute {@code passkeys.rate-limit.per-username-per-minute}: on {@code generate-authentication}
 * @param trustedProxies       {@code passkeys.rate-limit.trusted-proxies}: peers whose {@code X-Forwarded-For} counts
 * @param ipv6PrefixLength     {@code passkeys.rate-limit.ipv6-prefix-length}: IPv6 clients are counted by this
 *                             prefix (default 64, what one subscriber is usually given), not by their full address
 * @param pendingChallengesPerClient {@code passkeys.rate-limit.pending-challenges-per-client}: how many unanswered
 *                             challenges one client may hold (default 64, more than the default limit lets it ask
 *                             for in a challenge's lifetime); also when rate limits are off
 */
public record RateLimitConfig(boolean enabled, int perAddressPerMinute, int perUsernamePerMinute,
                              Set<String> trustedProxies, int ipv6PrefixLength, int pendingChallengesPerClient) {

    public static final int DEFAULT_IPV6_PREFIX_LENGTH = 64;
    public static final int DEFAULT_PENDING_CHALLENGES_PER_CLIENT = 64;

    public RateLimitConfig {
        PasskeysConfig.requirePositive(perAddressPerMinute, "passkeys.rate-limit.per-address-per-minute");
        PasskeysConfig.requirePositive(perUsernamePerMinute, "passkeys.rate-limit.per-username-per-minute");
        trustedProxies = Set.copyOf(trustedProxies);
        PasskeysConfig.requirePositive(pendingChallengesPerClient, "passkeys.rate-limit.pending-challenges-per-client");
        if (ipv6PrefixLength < 1 || ipv6PrefixLength > 128) {
            throw new IllegalArgumentException("passkeys.rate-limit.ipv6-prefix-length must be 1 to 128, not "
                    + ipv6PrefixLength);
        }
    }
}
