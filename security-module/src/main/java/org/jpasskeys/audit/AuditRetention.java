package org.jpasskeys.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Enforces {@code passkeys.audit.retention}: purges older events at start-up and every six hours. */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());
    private static final String EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";

    @Inject
    AuditLog log;

    private ScheduledFuture<?> purge;

    public void start(Duration retention) {
        ManagedScheduledExecutorService executor;
        try {
            executor = InitialContext.doLookup(EXECUTOR);
        } catch (NamingException e) {
            throw new IllegalStateException("jpasskeys needs " + EXECUTOR + " for the audit retention", e);
        }
        purge = executor.scheduleAtFixedRate(() -> purge(retention), 0, 6, TimeUnit.HOURS);
    }

    public void stop() {
        if (purge != null) {
            purge.cancel(false);
        }
    }

    private void purge(Duration retention) {
        try {
            int removed = log.purgeOlderThan(Instant.now().minus(retention));
            LOG.info(() -> "jpasskeys audit: purged " + removed + " events older than " + retention);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "jpasskeys audit: purge failed; will try again", e);
        }
    }
}
