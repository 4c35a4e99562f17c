package org.jpasskeys.sample.password;

import jakarta.servlet.annotation.WebFilter;
import org.jpasskeys.ratelimit.RateLimitFilter;

/** Password guesses count against the same per-address limit as the passkey endpoints. */
@WebFilter("/api/password/*")
public class PasswordRateLimit extends RateLimitFilter {

    private static final long serialVersionUID = 1L;
}
