package org.jpasskeys.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.http.SecurityHeaders;

/**
 * Adds the {@link SecurityHeaders} to every answer of the application; mapped to {@code /*} when
 * {@code passkeys.http.security-headers=true}. (Answers the container gives before any filter, such as a sign-in
 * challenge, get them from the authentication mechanism.)
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeysConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(request, response, config.rateLimit().trustedProxies());
        chain.doFilter(request, response);
    }
}
