package org.jpasskeys.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Records audit events three ways: written to the server log (logger {@code org.jpasskeys.audit}) at once,
 * persisted for the administrators' page and retention (batched off the request path by {@link AuditWriter},
 * at most {@value #FLUSH_MILLIS} ms later), and fired as CDI events that the application can observe with
 * {@code @Observes AuditEvent}. A failure to persist never changes the outcome of the request being audited.
 */
@ApplicationScoped
public class AuditLog {

    static final long FLUSH_MILLIS = 200;
    private static final int CAPACITY = 10_000;
    private static final int MAX_BATCH = 500;
    private static final String EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";
    private static final Logger LOG = Logger.getLogger("org.jpasskeys.audit");

    @Inject
    AuditEventStore store;

    @Inject
    Event<AuditEvent> events;

    private AuditWriter writer;
    private ScheduledFuture<?> flushing;

    @PostConstruct
    void startWriting() {
        writer = new AuditWriter(store::saveAll, CAPACITY, MAX_BATCH);
        try {
            ManagedScheduledExecutorService executor = InitialContext.doLookup(EXECUTOR);
            flushing = executor.scheduleWithFixedDelay(writer::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        } catch (NamingException e) {
            throw new IllegalStateException("jpasskeys needs " + EXECUTOR + " for the audit log", e);
        }
    }

    public void record(AuditEventType type, Optional<String> userId, Optional<String> credentialId,
                       Optional<String> clientAddress, String detail) {
        record(new AuditEvent(Instant.now(), type, userId, credentialId, clientAddress, detail));
    }

    public void record(AuditEvent event) {
        LOG.info(() -> "jpasskeys audit: " + event.type() + " user=" + event.userId().orElse("-") + " credential="
                + event.credentialId().orElse("-") + " address=" + event.clientAddress().orElse("-") + ": "
                + event.detail());
        writer.write(event);
        events.fire(event);
    }

    /** Whether buffered events are still being written (false once the scheduled writing has stopped). */
    public boolean writing() {
        return flushing != null && !flushing.isDone();
    }

    /** Events recorded and not yet stored. */
    public int buffered() {
        return writer.buffered();
    }

    /** Stores every event recorded so far (before the audit page reads, and at shutdown). */
    public void flush() {
        writer.flush();
    }

    /** Stops the scheduled writing and stores what is buffered; called when the application stops. */
    public void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
        writer.flush();
    }

    /** Removes events older than {@code cutoff}; returns how many. */
    public int purgeOlderThan(Instant cutoff) {
        return store.deleteOlderThan(cutoff);
    }
}
