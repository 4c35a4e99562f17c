package org.jpasskeys.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Records audit events three ways: persisted (for the administrators' page and retention), written to the
 * server log, and fired as CDI events that the application can observe with {@code @Observes AuditEvent}.
 * A failure to persist never changes the outcome of the request being audited.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("org.jpasskeys.audit");

    @Inject
    AuditEventStore store;

    @Inject
    Event<AuditEvent> events;

    public void record(AuditEventType type, Optional<String> userId, Optional<String> credentialId,
                       Optional<String> clientAddress, String detail) {
        record(new AuditEvent(Instant.now(), type, userId, credentialId, clientAddress, detail));
    }

    public void record(AuditEvent event) {
        LOG.info(() -> "jpasskeys audit: " + event.type() + " user=" + event.userId().orElse("-") + " credential="
                + event.credentialId().orElse("-") + " address=" + event.clientAddress().orElse("-") + ": "
                + event.detail());
        try {
            store.save(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "jpasskeys audit: could not persist " + event.type(), e);
        }
        events.fire(event);
    }

    /** Removes events older than {@code cutoff}; returns how many. */
    public int purgeOlderThan(Instant cutoff) {
        return store.deleteOlderThan(cutoff);
    }
}
