package org.jpasskeys.platform;

import java.util.Map;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.hibernate.engine.transaction.jta.platform.internal.StandardJtaPlatformResolver;
import org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformResolver;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Chooses Hibernate's JTA platform for the server it runs in. Hibernate recognises WildFly's and Open
 * Liberty's transaction managers itself, but not Payara's; there the GlassFish-family platform applies, and
 * naming it for every server would break the others ({@code java:appserver/TransactionManager} exists only
 * on Payara and GlassFish).
 */
public final class ServerJtaPlatformResolver implements JtaPlatformResolver {

    static final String GLASSFISH_TRANSACTION_MANAGER = "java:appserver/TransactionManager";

    @Override
    @SuppressWarnings("rawtypes") // Hibernate's signature
    public JtaPlatform resolveJtaPlatform(Map settings, ServiceRegistryImplementor registry) {
        if (resolves(GLASSFISH_TRANSACTION_MANAGER)) {
            return new SunOneJtaPlatform();
        }
        return StandardJtaPlatformResolver.INSTANCE.resolveJtaPlatform(settings, registry);
    }

    private static boolean resolves(String jndiName) {
        try {
            return InitialContext.doLookup(jndiName) != null;
        } catch (NamingException | RuntimeException e) {
            return false;
        }
    }
}
