package org.jpasskeys.web;

import java.security.Provider;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jpasskeys.assurance.MetadataRefresh;
import org.jpasskeys.audit.AuditLog;
import org.jpasskeys.audit.AuditRetention;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.credential.jpa.SchemaMigration;
import org.jpasskeys.health.ModuleHealth;
import org.jpasskeys.platform.CryptoProviders;
import org.jpasskeys.ratelimit.RateLimitFilter;
import org.jpasskeys.token.TokenKeyRing;

/**
 * At start-up: chooses the signature provider, brings the schema up to date, loads (or creates) the token
 * signing key, then maps the API below {@code passkeys.endpoint.base-path}. A bad configuration or database stops the application here.
 */
@WebListener
public class PasskeyEndpoints implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(PasskeyEndpoints.class.getName());

    @Inject
    PasskeysConfig config;

    @Inject
    SchemaMigration schema;

    /** Looked up after the migration: with passkeys.token.key-store=database the key is in a table. */
    @Inject
    Instance<TokenKeyRing> tokenKeys;

    @Inject
    AuditRetention auditRetention;

    @Inject
    AuditLog auditLog;

    @Inject
    ModuleHealth health;

    @Inject
    MetadataRefresh metadata;

    private Optional<Provider> installedCryptoProvider = Optional.empty();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        installedCryptoProvider = CryptoProviders.apply(ConfigProvider.getConfig());
        schema.migrate();
        String keyId = tokenKeys.get().current().signing().keyId();
        LOG.info(() -> "jpasskeys: token signing key " + keyId + " ready");
        auditRetention.start(config.auditRetention());
        metadata.start();
        // Made here, on an application thread: the server's health checks run where java:comp names do not resolve.
        LOG.info(() -> "jpasskeys: readiness " + health.readiness());
        ServletContext context = event.getServletContext();
        hardenSessionCookie(context.getSessionCookieConfig());
        // A session id in the URL (;jsessionid=) would bypass the cookie's HttpOnly and SameSite.
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        if (config.operations().securityHeaders()) {
            context.addFilter("jpasskeys-security-headers", SecurityHeadersFilter.class)
                    .addMappingForUrlPatterns(null, false, "/*");
        }
        String base = config.basePath();
        String[] options = {base + "/" + OptionsServlet.GENERATE_REGISTRATION,
            base + "/" + OptionsServlet.GENERATE_AUTHENTICATION,
            base + "/" + OptionsServlet.GENERATE_AUTHENTICATION_DISCOVERABLE,
            base + "/" + OptionsServlet.GENERATE_AUTHENTICATION_FROM_CHALLENGE};
        context.addServlet("jpasskeys-options", OptionsServlet.class).addMapping(options);
        if (config.rateLimit().enabled()) {
            FilterRegistration.Dynamic limits = context.addFilter("jpasskeys-rate-limit", RateLimitFilter.class);
            limits.addMappingForUrlPatterns(null, false, options);
            limits.addMappingForUrlPatterns(null, false, base + "/" + VerificationServlet.VERIFY_AUTHENTICATION,
                    base + "/" + VerificationServlet.VERIFY_REGISTRATION);
            LOG.info(() -> "jpasskeys: rate limits on: " + config.rateLimit());
        } else {
            LOG.warning("jpasskeys: rate limits are off (passkeys.rate-limit.enabled=false)");
        }
        context.addServlet("jpasskeys-verification", VerificationServlet.class).addMapping(
                base + "/" + VerificationServlet.VERIFY_REGISTRATION,
                base + "/" + VerificationServlet.VERIFY_AUTHENTICATION);
        context.addServlet("jpasskeys-credentials", CredentialsServlet.class).addMapping(
                base + "/" + CredentialsServlet.CREDENTIALS, base + "/" + CredentialsServlet.CREDENTIALS + "/*");
        context.addServlet("jpasskeys-audit", AuditServlet.class).addMapping(base + "/" + AuditServlet.AUDIT);
        context.addServlet("jpasskeys-admin", AdminServlet.class).addMapping(base + "/" + AdminServlet.ADMIN + "/*");
        context.addServlet("jpasskeys-jwks", JwksServlet.class).addMapping("/.well-known/jwks.json");
        if (!config.operations().relatedOrigins().isEmpty()) {
            context.addServlet("jpasskeys-related-origins", RelatedOriginsServlet.class)
                    .addMapping(RelatedOriginsServlet.PATH);
        }
        LOG.info(() -> "jpasskeys: passkey API at " + context.getContextPath() + base);
    }

    /** HttpOnly and SameSite=Lax always; Secure when every accepted origin is HTTPS. */
    private void hardenSessionCookie(SessionCookieConfig cookie) {
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        if (config.webOrigins().stream().allMatch(origin -> origin.startsWith("https://"))) {
            cookie.setSecure(true);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        auditRetention.stop();
        metadata.stop();
        auditLog.stop();
        CryptoProviders.remove(installedCryptoProvider);
    }
}
