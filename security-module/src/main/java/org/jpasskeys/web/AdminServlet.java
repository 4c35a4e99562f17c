package org.jpasskeys.web;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.admin.AccountAdministration;
import org.jpasskeys.admin.AccountSummary;
import org.jpasskeys.admin.AuthenticatorModelSummary;
import org.jpasskeys.audit.AuditEventType;
import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.credential.PasskeyDescriptions;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.ProblemException;
import org.jpasskeys.mechanism.PasskeyPrincipal;
import org.jpasskeys.metrics.PasskeyMetrics;
import org.jpasskeys.token.KeyRotation;
import org.jpasskeys.token.TokenKeyRing;

/**
 * The administration API below {@code {base}/admin}, for callers in {@code passkeys.admin.role}:
 * {@code GET users?username=}, {@code GET users/{id}/credentials}, {@code DELETE users/{id}/credentials[/{cid}]},
 * {@code POST users/{id}/disable|enable|sign-out} with an optional {@code {"reason"}}, {@code POST token-keys}
 * (rotation of the token signing key in the database), and {@code GET metrics} (also for callers in
 * {@code passkeys.metrics.role}). A change needs a passkey sign-in within {@code passkeys.credentials.recent-sign-in};
 * every change, and every refused or failed attempt at one by a signed-in caller, is audited with the caller's
 * name.
 */
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String ADMIN = "admin";

    private static final String METRICS = "/metrics";
    private static final String TOKEN_KEYS = "/token-keys";
    private static final Pattern USERS = Pattern.compile("/users/?");
    private static final Pattern AUTHENTICATORS = Pattern.compile("/authenticators/?");
    private static final Pattern CREDENTIALS = Pattern.compile("/users/([^/]+)/credentials");
    private static final Pattern ONE_CREDENTIAL = Pattern.compile("/users/([^/]+)/credentials/([^/]+)");
    private static final Pattern ACTION = Pattern.compile("/users/([^/]+)/(disable|enable|sign-out)");
    private static final int MAX_REASON = 200;

    @Inject
    transient AccountAdministration administration;

    @Inject
    transient PasskeyMetrics metrics;

    @Inject
    transient PasskeyDescriptions descriptions;

    @Inject
    transient PasskeysConfig config;

    @Inject
    transient SecurityContext securityContext;

    @Inject
    transient RequestAudit audit;

    @Inject
    transient TokenKeyRing tokenKeys;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answers.answer(this, ADMIN, response, () -> {
            String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
            if (request.getMethod().equals("GET")) {
                read(path, request, response);
                return;
            }
            Attempt attempt = Attempt.of(request.getMethod(), path);
            try {
                change(attempt, request, response);
            } catch (RuntimeException e) {
                // Signed-in callers only: anonymous requests would let anyone fill the audit log.
                ApiServlet.caller(securityContext).ifPresent(caller -> audit.record(request,
                        AuditEventType.ADMINISTRATION_FAILED, attempt.userId(), attempt.credentialId(),
                        who(caller) + " could not " + attempt.description() + ": " + why(e)));
                throw e;
            }
        });
    }

    private void read(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (path.equals(METRICS)) {
            Administrators.requireMetricsReader(securityContext, config);
            metrics(response);
            return;
        }
        Administrators.require(securityContext, config, "administer accounts");
        Matcher credentials = CREDENTIALS.matcher(path);
        if (USERS.matcher(path).matches()) {
            users(request, response);
        } else if (credentials.matches()) {
            passkeys(credentials.group(1), response);
        } else if (AUTHENTICATORS.matcher(path).matches()) {
            authenticators(response);
        } else {
            throw notFound();
        }
    }

    private void change(Attempt attempt, HttpServletRequest request, HttpServletResponse response) throws IOException {
        PasskeyPrincipal admin = Administrators.require(securityContext, config, "administer accounts");
        if (!request.getMethod().equals("POST") && !request.getMethod().equals("DELETE")) {
            throw new ProblemException(Problem.methodNotAllowed("GET, POST or DELETE"));
        }
        // Read before anything is changed: a cross-site request or a malformed body stops here.
        Optional<JsonObject> body = request.getMethod().equals("POST")
                ? Optional.of(HttpExchange.readJsonObject(request, config.origins(), config.maxBodyBytes()))
                : Optional.empty();
        if (body.isEmpty()) {
            HttpExchange.requireAllowedOrigin(request, config.origins());
        }
        admin.requirePasskeySignInWithin(config.recentSignIn(), Instant.now());
        String by = "by administrator " + admin.getName();
        switch (attempt.kind()) {
            case REVOKE_ONE -> {
                administration.revokePasskey(attempt.userId().orElseThrow(), attempt.credentialId().orElseThrow());
                record(request, attempt, AuditEventType.PASSKEY_REVOKED, "revoked " + by
                        + "; sessions and tokens ended");
            }
            case REVOKE_ALL -> {
                int removed = administration.revokeAllPasskeys(attempt.userId().orElseThrow());
                record(request, attempt, AuditEventType.PASSKEY_REVOKED, "all " + removed + " passkeys revoked " + by
                        + "; sessions and tokens ended");
            }
            case DISABLE, ENABLE, SIGN_OUT -> {
                String reason = reason(body.orElseThrow());
                record(request, attempt, act(attempt), by + (reason.isEmpty() ? "" : ": " + reason));
            }
            case ROTATE_TOKEN_KEY -> {
                KeyRotation rotation = tokenKeys.rotate().orElseThrow(() -> new ProblemException(Problem.invalidRequest(
                        "The token keys are in files (passkeys.token.key-store=file): rotate them by moving the key "
                                + "to passkeys.token.previous-key-location and restarting.")));
                record(request, attempt, AuditEventType.TOKEN_KEY_ROTATED, "token signing key " + rotation.keyId()
                        + " created " + by + "; it signs from " + rotation.signsFrom());
                HttpExchange.writeJson(response, 201, JSON.createObjectBuilder()
                        .add("kid", rotation.keyId())
                        .add("signsFrom", rotation.signsFrom().toString())
                        .build());
                return;
            }
            default -> throw notFound();
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private AuditEventType act(Attempt attempt) {
        String userId = attempt.userId().orElseThrow();
        return switch (attempt.kind()) {
            case DISABLE -> {
                administration.disable(userId);
                yield AuditEventType.ACCOUNT_DISABLED;
            }
            case ENABLE -> {
                administration.enable(userId);
                yield AuditEventType.ACCOUNT_ENABLED;
            }
            default -> {
                administration.signOutEverywhere(userId);
                yield AuditEventType.SIGNED_OUT_EVERYWHERE;
            }
        };
    }

    private void record(HttpServletRequest request, Attempt attempt, AuditEventType type, String detail) {
        audit.record(request, type, attempt.userId(), attempt.credentialId(), detail);
    }

    /** Who tried, for the audit log. */
    private String who(PasskeyPrincipal caller) {
        return caller.groups().contains(config.operations().adminRole())
                ? "administrator " + caller.getName() : caller.getName() + " (not an administrator)";
    }

    private static String why(RuntimeException e) {
        if (e instanceof CeremonyException refused) {
            return refused.failure().code();
        }
        return e instanceof ProblemException problem ? problem.problem().code() : "server error";
    }

    private void metrics(HttpServletResponse response) throws IOException {
        byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(PasskeyMetrics.CONTENT_TYPE);
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    private void users(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = Optional.ofNullable(request.getParameter("username")).orElse("");
        JsonArrayBuilder views = JSON.createArrayBuilder();
        administration.search(username).forEach(summary -> views.add(view(summary)));
        HttpExchange.writeJson(response, 200, views.build());
    }

    private void passkeys(String userId, HttpServletResponse response) throws IOException {
        JsonArrayBuilder views = JSON.createArrayBuilder();
        administration.passkeys(userId).forEach(credential -> views.add(Views.credential(credential, descriptions)));
        HttpExchange.writeJson(response, 200, views.build());
    }

    private void authenticators(HttpServletResponse response) throws IOException {
        JsonArrayBuilder views = JSON.createArrayBuilder();
        for (AuthenticatorModelSummary model : administration.authenticatorModels()) {
            JsonObjectBuilder view = JSON.createObjectBuilder().add("aaguid", model.aaguid().toString());
            Views.text(view, "authenticatorName", descriptions.authenticatorName(model.aaguid()));
            Views.text(view, "authenticatorIcon", descriptions.authenticatorIcon(model.aaguid()));
            views.add(view.add("passkeys", model.passkeys()).add("synced", model.synced())
                    .add("attested", model.attested()).add("hardware", model.hardware()));
        }
        HttpExchange.writeJson(response, 200, views.build());
    }

    private static String reason(JsonObject body) {
        String reason = ResponseJson.optionalString(body, "reason", "reason").orElse("").strip();
        if (reason.length() > MAX_REASON) {
            throw new ProblemException(Problem.invalidRequest("reason has at most " + MAX_REASON + " characters"));
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(Problem.invalidRequest("reason is one line of text, without control characters"));
        }
        return reason;
    }

    private static JsonObject view(AccountSummary summary) {
        var json = JSON.createObjectBuilder(Views.user(summary.account()))
                .add("disabled", summary.disabled())
                .add("credentialCount", summary.credentialCount());
        summary.lastSignInAt().map(Instant::toString).ifPresentOrElse(
                at -> json.add("lastSignInAt", at), () -> json.addNull("lastSignInAt"));
        return json.build();
    }

    private static ProblemException notFound() {
        return new ProblemException(new Problem(404, "not_found", "Not found", "No such administration resource."));
    }

    /**
     * A request to change something, as its method and path name it.
     *
     * @param description what was tried, for the audit log
     */
    private record Attempt(Kind kind, String description, Optional<String> userId, Optional<String> credentialId) {

        enum Kind { REVOKE_ONE, REVOKE_ALL, DISABLE, ENABLE, SIGN_OUT, ROTATE_TOKEN_KEY, UNKNOWN }

        static Attempt of(String method, String path) {
            Matcher one = ONE_CREDENTIAL.matcher(path);
            Matcher all = CREDENTIALS.matcher(path);
            Matcher action = ACTION.matcher(path);
            if (method.equals("DELETE") && one.matches()) {
                return new Attempt(Kind.REVOKE_ONE, "revoke a passkey", Optional.of(one.group(1)),
                        Optional.of(one.group(2)));
            }
            if (method.equals("DELETE") && all.matches()) {
                return new Attempt(Kind.REVOKE_ALL, "revoke all passkeys", Optional.of(all.group(1)), Optional.empty());
            }
            if (method.equals("POST") && action.matches()) {
                Kind kind = switch (action.group(2)) {
                    case "disable" -> Kind.DISABLE;
                    case "enable" -> Kind.ENABLE;
                    default -> Kind.SIGN_OUT;
                };
                return new Attempt(kind, action.group(2), Optional.of(action.group(1)), Optional.empty());
            }
            if (method.equals("POST") && path.equals(TOKEN_KEYS)) {
                return new Attempt(Kind.ROTATE_TOKEN_KEY, "rotate the token signing key", Optional.empty(),
                        Optional.empty());
            }
            return new Attempt(Kind.UNKNOWN, method + " " + path, Optional.empty(), Optional.empty());
        }
    }
}
