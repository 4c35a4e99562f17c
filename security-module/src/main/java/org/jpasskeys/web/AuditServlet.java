package org.jpasskeys.web;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.audit.AuditEvent;
import org.jpasskeys.audit.AuditEventStore;
import org.jpasskeys.audit.AuditLog;
import org.jpasskeys.audit.AuditEventType;
import org.jpasskeys.audit.AuditQuery;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.ProblemException;

/**
 * {@code GET {base}/audit}: the audit log, newest first, for callers in {@code passkeys.admin.role}.
 * Query parameters: {@code user}, {@code type}, {@code from} and {@code to} (ISO-8601 instants),
 * {@code page} (from 0) and {@code size} (1 to 200, default 50).
 */
public class AuditServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String AUDIT = "audit";

    @Inject
    transient AuditEventStore events;

    @Inject
    transient AuditLog log;

    @Inject
    transient PasskeysConfig config;

    @Inject
    transient SecurityContext securityContext;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answers.answer(this, AUDIT, response, () -> {
            Administrators.require(securityContext, config, "read the audit log");
            AuditQuery query = query(request);
            JsonArrayBuilder page = JSON.createArrayBuilder();
            log.flush(); // everything recorded so far, also what is still buffered
            events.find(query).forEach(event -> page.add(view(event)));
            HttpExchange.writeJson(response, 200, JSON.createObjectBuilder()
                    .add("events", page).add("page", query.page()).add("size", query.size()).build());
        });
    }

    private AuditQuery query(HttpServletRequest request) {
        Instant now = Instant.now();
        return new AuditQuery(
                parameter(request, "user", Function.identity()),
                parameter(request, "type", AuditEventType::valueOf),
                parameter(request, "from", Instant::parse).orElse(now.minus(config.auditRetention())),
                parameter(request, "to", Instant::parse).orElse(now.plusSeconds(1)),
                parameter(request, "page", Integer::valueOf).filter(p -> p >= 0).orElse(0),
                parameter(request, "size", Integer::valueOf).filter(s -> s >= 1 && s <= 200).orElse(50));
    }

    private static <T> Optional<T> parameter(HttpServletRequest request, String name, Function<String, T> parser) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.strip()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ProblemException(Problem.invalidRequest(name + " is not valid" + ("type".equals(name)
                    ? ": use one of " + Arrays.toString(AuditEventType.values()) : "")));
        }
    }

    private static JsonObjectBuilder view(AuditEvent event) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("occurredAt", event.occurredAt().toString())
                .add("type", event.type().name());
        event.userId().ifPresent(u -> json.add("userId", u));
        event.credentialId().ifPresent(c -> json.add("credentialId", c));
        event.clientAddress().ifPresent(a -> json.add("clientAddress", a));
        return json.add("detail", event.detail());
    }
}
