package org.jpasskeys.ratelimit;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.audit.AuditEventType;
import org.jpasskeys.audit.AuditLog;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.metrics.PasskeyMetrics;

/**
 * Guards the challenge endpoints and both verify endpoints: at most
 * {@code passkeys.rate-limit.per-address-per-minute} requests per client address. A refused request
 * answers 429 {@code rate_limited} before anything is parsed, stored or looked up. An application may
 * guard its own sign-in form with it too (a subclass with {@code @WebFilter}); the counts are shared.
 */
public class RateLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeysConfig config;

    @Inject
    @PerAddress
    transient RateLimiter perAddress;

    @Inject
    transient AuditLog audit;

    @Inject
    transient PasskeyMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!config.rateLimit().enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String client = ClientAddress.limitedClient(request, config.rateLimit());
        RateLimitDecision decision = perAddress.tryAcquire(client);
        RateLimitAnswers.addHeaders(response, decision);
        if (!decision.allowed()) {
            metrics.rateLimited(decision.policy());
            audit.record(AuditEventType.RATE_LIMITED, Optional.empty(), Optional.empty(), Optional.of(client),
                    decision.policy() + " limit reached on " + request.getServletPath());
            HttpExchange.writeProblem(response, RateLimitAnswers.problem(response, decision));
            return;
        }
        chain.doFilter(request, response);
    }
}
