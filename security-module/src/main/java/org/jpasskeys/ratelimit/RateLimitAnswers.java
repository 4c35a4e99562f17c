package org.jpasskeys.ratelimit;

import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.http.Problem;

/** The headers and the 429 problem of a rate-limit decision. */
public final class RateLimitAnswers {

    private RateLimitAnswers() {
    }

    public static void addHeaders(HttpServletResponse response, RateLimitDecision decision) {
        response.setHeader("RateLimit-Policy", decision.policyHeader());
        response.setHeader("RateLimit", decision.limitHeader());
    }

    /** The problem for a refused request; sets {@code Retry-After}. */
    public static Problem problem(HttpServletResponse response, RateLimitDecision decision) {
        long wait = decision.retryAfterSeconds();
        response.setHeader("Retry-After", Long.toString(wait));
        return new Problem(429, "rate_limited", "Too many requests",
                "Too many attempts in a short time. Wait " + wait + (wait == 1 ? " second" : " seconds")
                        + ", then try again.");
    }
}
