package org.jpasskeys.web;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.audit.AuditEventType;
import org.jpasskeys.ceremony.PasskeyManagement;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.credential.PasskeyDescriptions;
import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.ProblemException;
import org.jpasskeys.mechanism.PasskeyPrincipal;
import org.jpasskeys.revocation.Revocations;

/** Passkey management for the signed-in caller: GET {@code credentials}, PATCH and DELETE {@code credentials/{id}}. */
public class CredentialsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String CREDENTIALS = "credentials";

    @Inject
    transient PasskeyManagement management;

    @Inject
    transient Revocations revocations;

    @Inject
    transient PasskeysConfig config;

    @Inject
    transient PasskeyDescriptions descriptions;

    @Inject
    transient SecurityContext securityContext;

    @Inject
    transient RequestAudit audit;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Answers.answer(this, CREDENTIALS, response, () -> {
            PasskeyPrincipal caller = ApiServlet.caller(securityContext).orElseThrow(() -> new ProblemException(
                    Problem.unauthenticated("Sign in to manage your passkeys.")));
            Optional<String> id = credentialId(request);
            switch (request.getMethod()) {
                case "GET" -> list(caller, id, response);
                case "PATCH" -> rename(caller, id, request, response);
                case "DELETE" -> delete(caller, id, request, response);
                default -> throw new ProblemException(Problem.methodNotAllowed("GET, PATCH or DELETE"));
            }
        });
    }

    private void list(PasskeyPrincipal caller, Optional<String> id, HttpServletResponse response) throws IOException {
        if (id.isPresent()) {
            throw PasskeyManagement.notFound();
        }
        JsonArrayBuilder views = JSON.createArrayBuilder();
        management.list(caller.userId()).forEach(credential -> views.add(Views.credential(credential, descriptions)));
        HttpExchange.writeJson(response, 200, views.build());
    }

    private void rename(PasskeyPrincipal caller, Optional<String> id, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        JsonObject body = HttpExchange.readJsonObject(request, config.origins(), config.maxBodyBytes());
        String name = ResponseJson.optionalString(body, "name", "name")
                .orElseThrow(() -> new ProblemException(Problem.invalidRequest("name is required")));
        StoredCredential renamed = management.rename(caller.userId(), id.orElseThrow(PasskeyManagement::notFound), name);
        audit.record(request, AuditEventType.PASSKEY_RENAMED, Optional.of(caller.userId()),
                Optional.of(renamed.credentialIdBase64Url()), "renamed to " + renamed.name());
        HttpExchange.writeJson(response, 200, Views.credential(renamed, descriptions));
    }

    private void delete(PasskeyPrincipal caller, Optional<String> id, HttpServletRequest request,
                        HttpServletResponse response) {
        HttpExchange.requireAllowedOrigin(request, config.origins());
        caller.requireSignedInWithin(config.recentSignIn(), Instant.now());
        String credentialId = id.orElseThrow(PasskeyManagement::notFound);
        management.delete(caller.userId(), credentialId);
        revocations.passkeyDeleted(caller.userId());
        audit.record(request, AuditEventType.PASSKEY_DELETED, Optional.of(caller.userId()), Optional.of(credentialId),
                "deleted by its owner");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** The {@code {id}} of {@code credentials/{id}}, if the path has one. */
    private static Optional<String> credentialId(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            return Optional.empty();
        }
        return Optional.of(path.substring(1));
    }
}
