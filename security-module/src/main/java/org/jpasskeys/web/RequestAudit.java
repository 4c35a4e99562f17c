package org.jpasskeys.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.jpasskeys.audit.AuditEventType;
import org.jpasskeys.audit.AuditLog;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.ratelimit.ClientAddress;

/** Audit events of HTTP requests, with the client's address. */
@ApplicationScoped
public class RequestAudit {

    @Inject
    AuditLog log;

    @Inject
    PasskeysConfig config;

    void record(HttpServletRequest request, AuditEventType type, Optional<String> userId,
                Optional<String> credentialId, String detail) {
        log.record(type, userId, credentialId,
                Optional.of(ClientAddress.of(request, config.rateLimit().trustedProxies())), detail);
    }
}
