package org.jpasskeys.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jpasskeys.audit.AuditLog;
import org.jpasskeys.credential.jpa.DatabaseProbe;
import org.jpasskeys.token.SigningKey;

/**
 * What the module's health checks report, without MicroProfile Health types: so that it can be tested
 * anywhere and a server without MicroProfile Health still deploys the module.
 */
@ApplicationScoped
public class ModuleHealth {

    /** The result of one check: up or down, with what an operator reads. */
    public record Status(boolean up, Map<String, String> data) {
        public Status {
            data = Map.copyOf(data);
        }
    }

    private static final int DATABASE_TIMEOUT_SECONDS = 3;
    private static final Logger LOG = Logger.getLogger(ModuleHealth.class.getName());

    @Inject
    SigningKey signingKey;

    @Inject
    AuditLog auditLog;

    @Inject
    DatabaseProbe database;

    /** Ready: the database answers and is migrated to this version, and the token signing key is loaded. */
    public Status readiness() {
        Map<String, String> data = new LinkedHashMap<>();
        boolean database = database(data);
        data.put("signingKey", signingKey.keyId());
        return new Status(database, data);
    }

    /** Live: the audit events recorded here are still being written to the database. */
    public Status liveness() {
        boolean writing = auditLog.writing();
        return new Status(writing, Map.of("auditEventsBuffered", Integer.toString(auditLog.buffered()),
                "auditWriter", writing ? "running" : "stopped"));
    }

    private boolean database(Map<String, String> data) {
        try {
            boolean current = database.schemaIsCurrent(DATABASE_TIMEOUT_SECONDS);
            data.put("database", current ? "migrated" : "schema not migrated to this version");
            return current;
        } catch (RuntimeException e) {
            // One line: an orchestrator asks every few seconds while the database is away.
            LOG.warning(() -> "jpasskeys: not ready, the database does not answer: " + e);
            data.put("database", "unreachable");
            return false;
        }
    }
}
