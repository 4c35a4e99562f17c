package org.jpasskeys.ratelimit;

/**
 * The answer of a {@link RateLimiter} for one request.
 *
 * @param policy            the policy's name in the {@code RateLimit} headers
 * @param allowed           whether the request may go on
 * @param limit             requests per window
 * @param remaining         requests left in the window
 * @param retryAfterSeconds when refused: seconds until one more request is allowed
 */
public record RateLimitDecision(String policy, boolean allowed, int limit, long remaining, long retryAfterSeconds) {

    /** The window every limit is counted over, in seconds. */
    public static final int WINDOW_SECONDS = 60;

    /** {@code RateLimit-Policy} (IETF httpapi rate-limit headers). */
    public String policyHeader() {
        return "\"" + policy + "\";q=" + limit + ";w=" + WINDOW_SECONDS;
    }

    /** {@code RateLimit}: what is left, and when more will be. */
    public String limitHeader() {
        return "\"" + policy + "\";r=" + remaining + ";t=" + retryAfterSeconds;
    }
}
