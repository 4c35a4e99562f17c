package org.jpasskeys.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jpasskeys.state.ClusterJobs;

/**
 * Enforces {@code passkeys.audit.retention}: purges older events every six hours, once for the whole cluster.
 * Every node looks every {@value #CHECK_MINUTES} minutes; the first to claim a due run does it.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());
    private static final String EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";
    private static final String JOB = "audit-retention";
    private static final Duration EVERY = Duration.ofHours(6);
    static final long CHECK_MINUTES = 15;

    @Inject
    AuditLog log;

    @Inject
    ClusterJobs jobs;

    private ScheduledFuture<?> purge;

    public void start(Duration retention) {
        ManagedScheduledExecutorService executor;
        try {
            executor = InitialContext.doLookup(EXECUTOR);
        } catch (NamingException e) {
            throw new IllegalStateException("jpasskeys needs " + EXECUTOR + " for the audit retention", e);
        }
        purge = executor.scheduleAtFixedRate(() -> purge(retention), 0, CHECK_MINUTES, TimeUnit.MINUTES);
    }

    public void stop() {
        if (purge != null) {
            purge.cancel(false);
        }
    }

    private void purge(Duration retention) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            if (!jobs.claim(JOB, now, EVERY)) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "jpasskeys audit: the purge could not be claimed; will look again", e);
            return;
        }
        try {
            int removed = log.purgeOlderThan(now.minus(retention));
            LOG.info(() -> "jpasskeys audit: purged " + removed + " events older than " + retention);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "jpasskeys audit: purge failed; will try again in " + CHECK_MINUTES + " minutes", e);
            try {
                jobs.release(JOB, now, EVERY);
            } catch (RuntimeException notReleased) {
                e.addSuppressed(notReleased);
            }
        }
    }
}
