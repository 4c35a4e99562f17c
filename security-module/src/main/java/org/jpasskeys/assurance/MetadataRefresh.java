package org.jpasskeys.assurance;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jpasskeys.audit.AuditEventType;
import org.jpasskeys.audit.AuditLog;

/**
 * Keeps the FIDO metadata current: reads it at start-up, then looks every {@value #CHECK_MINUTES} minutes whether
 * its {@code nextUpdate} has come. Each BLOB put in use and each one refused is audited; a refused one is also a
 * log warning, and the one in use stays.
 */
@ApplicationScoped
public class MetadataRefresh {

    /** Soon enough that a node which could not read the metadata at start-up is not unready for long. */
    static final long CHECK_MINUTES = 10;
    private static final Logger LOG = Logger.getLogger(MetadataRefresh.class.getName());
    private static final String EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";

    @Inject
    AuthenticatorMetadata metadata;

    @Inject
    AuditLog audit;

    private final AtomicReference<String> lastRefusal = new AtomicReference<>();
    private ScheduledFuture<?> checks;

    public void start() {
        if (metadata.location().isEmpty()) {
            return;
        }
        refresh();
        try {
            ManagedScheduledExecutorService executor = InitialContext.doLookup(EXECUTOR);
            checks = executor.scheduleWithFixedDelay(() -> {
                if (metadata.due()) {
                    refresh();
                }
            }, CHECK_MINUTES, CHECK_MINUTES, TimeUnit.MINUTES);
        } catch (NamingException e) {
            throw new IllegalStateException("jpasskeys needs " + EXECUTOR + " to keep the FIDO metadata current", e);
        }
    }

    public void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    /** Why the last attempt to read the metadata failed, if it did. */
    public Optional<String> lastRefusal() {
        return Optional.ofNullable(lastRefusal.get());
    }

    private void refresh() {
        int before = metadata.current().map(MetadataBlob::number).orElse(-1);
        try {
            MetadataBlob blob = metadata.refresh();
            lastRefusal.set(null);
            if (blob.number() == before) {
                return;
            }
            String detail = "FIDO metadata BLOB no " + blob.number() + " in use: " + blob.byAaguid().size()
                    + " authenticator models, next update " + blob.nextUpdate() + (blob.skipped() == 0 ? ""
                    : ", " + blob.skipped() + " entries unreadable and not trusted");
            LOG.info(() -> "jpasskeys: " + detail);
            audit.record(AuditEventType.METADATA_UPDATED, Optional.empty(), Optional.empty(), Optional.empty(), detail);
        } catch (RuntimeException e) {
            // Whatever went wrong, the next check runs: an exception would end the schedule.
            String reason = e instanceof MetadataException ? e.getMessage() : "the metadata BLOB could not be read: " + e;
            lastRefusal.set(reason);
            String kept = metadata.current().map(blob -> "; BLOB no " + blob.number() + " stays in use")
                    .orElse("; no metadata in use (passkeys.attestation.metadata-location)");
            LOG.warning(() -> "jpasskeys: " + reason + kept);
            audit.record(AuditEventType.METADATA_REFUSED, Optional.empty(), Optional.empty(), Optional.empty(),
                    reason + kept);
        }
    }
}
