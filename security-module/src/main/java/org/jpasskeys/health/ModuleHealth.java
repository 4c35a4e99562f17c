package org.jpasskeys.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.assurance.MetadataBlob;
import org.jpasskeys.assurance.MetadataRefresh;
import org.jpasskeys.audit.AuditLog;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.config.StateConfig;
import org.jpasskeys.credential.jpa.DatabaseProbe;
import org.jpasskeys.state.OneTimeValues;
import org.jpasskeys.state.StateStore;
import org.jpasskeys.token.TokenKeyRing;

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
    TokenKeyRing tokenKeys;

    @Inject
    AuditLog auditLog;

    @Inject
    DatabaseProbe database;

    @Inject
    OneTimeValues stateStore;

    @Inject
    StateStore state;

    @Inject
    PasskeysConfig config;

    @Inject
    AuthenticatorMetadata metadata;

    @Inject
    MetadataRefresh metadataRefresh;

    /**
     * Ready: the database answers and is migrated to this version, the state store ({@code passkeys.state.store})
     * keeps and hands out a value (a grid with {@code passkeys.state.jcache.expected-members} members at least), the
     * token signing key is loaded, and with
     * {@code passkeys.attestation.metadata-location} a metadata BLOB was accepted (a stale one is reported, and
     * still used).
     */
    public Status readiness() {
        Map<String, String> data = new LinkedHashMap<>();
        boolean database = database(data);
        boolean state = stateStore(data) && members(data);
        data.put("signingKey", tokenKeys.current().signing().keyId());
        return new Status(database && state && metadata(data), data);
    }

    private boolean metadata(Map<String, String> data) {
        if (metadata.location().isEmpty()) {
            return true;
        }
        Optional<MetadataBlob> blob = metadata.current();
        String refusal = metadataRefresh.lastRefusal().map(reason -> "; last read refused: " + reason).orElse("");
        data.put("attestationMetadata", blob.map(inUse -> "BLOB no " + inUse.number() + (metadata.due()
                ? ", stale since " + inUse.nextUpdate() : ", next update " + inUse.nextUpdate()))
                .orElse("none accepted from passkeys.attestation.metadata-location") + refusal);
        return blob.isPresent();
    }

    /** Live: the audit events recorded here are still being written to the database. */
    public Status liveness() {
        boolean writing = auditLog.writing();
        return new Status(writing, Map.of("auditEventsBuffered", Integer.toString(auditLog.buffered()),
                "auditWriter", writing ? "running" : "stopped"));
    }

    private boolean stateStore(Map<String, String> data) {
        String store = config.state().store().name().toLowerCase(Locale.ROOT);
        String probe = "health:" + UUID.randomUUID();
        try {
            stateStore.put(probe, "probe", Instant.now().plusSeconds(30));
            boolean answers = stateStore.take(probe).isPresent();
            data.put("stateStore", store + (answers ? "" : " lost a value"));
            return answers;
        } catch (RuntimeException e) {
            LOG.warning(() -> "jpasskeys: not ready, the state store (passkeys.state.store=" + store
                    + ") does not answer: " + e);
            data.put("stateStore", store + " unreachable");
            return false;
        }
    }

    /** A node that has not joined its cluster yet would keep challenges the others cannot find. */
    private boolean members(Map<String, String> data) {
        OptionalInt members = state.members().get();
        members.ifPresent(count -> data.put("clusterMembers", Integer.toString(count)));
        int expected = config.state().expectedMembers();
        if (expected == 1 || config.state().store() != StateConfig.Store.JCACHE) {
            return true;
        }
        if (members.isEmpty()) {
            data.put("cluster", "passkeys.state.jcache.expected-members is " + expected
                    + ", but this store does not tell how many members it has");
            return false;
        }
        if (members.getAsInt() < expected) {
            data.put("cluster", "waiting for " + expected + " members, " + members.getAsInt() + " joined");
            return false;
        }
        return true;
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
