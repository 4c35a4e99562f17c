package org.jpasskeys.web;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.admin.AccountAdministration;
import org.jpasskeys.admin.AccountSummary;
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
 * {@code passkeys.metrics.role}).
 * Every change, and every refused attempt at one, is audited with the administrator's name; a change needs a
 * passkey sign-in within {@code passkeys.credentials.recent-sign-in}.
 */
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String ADMIN = "admin";

    private static final String METRICS = "/metrics";
    private static final Pattern USERS = Pattern.compile("/users/?");
    private static final Pattern CREDENTIALS = Pattern.compile("/users/([^/]+)/credentials");
    private static final Pattern ONE_CREDENTIAL = Pattern.compile("/users/([^/]+)/credentials/([^/]+)");
    private static final Pattern ACTION = Pattern.compile("/users/([^/]+)/(disable|enable|sign-out)");
    private static final String TOKEN_KEYS = "/token-keys";
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
            if (path.equals(METRICS) && request.getMethod().equals("GET")) {
                Administrators.requireMetricsReader(securityContext, config);
                metrics(response);
                return;
            }
            PasskeyPrincipal admin = Administrators.require(securityContext, config, "administer accounts");
            Matcher credentials = CREDENTIALS.matcher(path);
            Matcher oneCredential = ONE_CREDENTIAL.matcher(path);
            Matcher action = ACTION.matcher(path);
            switch (request.getMethod()) {
                case "GET" -> {
                    if (USERS.matcher(path).matches()) {
                        users(request, response);
                    } else if (credentials.matches()) {
                        passkeys(credentials.group(1), response);
                    } else {
                        throw notFound();
                    }
                }
                case "DELETE" -> {
                    if (oneCredential.matches()) {
                        HttpExchange.requireAllowedOrigin(request, config.origins());
                        revokeOne(admin, oneCredential.group(1), oneCredential.group(2), request);
                    } else if (credentials.matches()) {
                        HttpExchange.requireAllowedOrigin(request, config.origins());
                        revokeAll(admin, credentials.group(1), request);
                    } else {
                        throw notFound();
                    }
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                }
                case "POST" -> {
                    if (path.equals(TOKEN_KEYS)) {
                        HttpExchange.readJsonObject(request, config.origins(), config.maxBodyBytes());
                        rotateTokenKey(admin, request, response);
                        return;
                    }
                    if (!action.matches()) {
                        throw notFound();
                    }
                    JsonObject body = HttpExchange.readJsonObject(request, config.origins(), config.maxBodyBytes());
                    act(admin, action.group(1), action.group(2), reason(body), request);
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                }
                default -> throw new ProblemException(Problem.methodNotAllowed("GET, POST or DELETE"));
            }
        });
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

    private void revokeOne(PasskeyPrincipal admin, String userId, String credentialId, HttpServletRequest request) {
        change(admin, Optional.of(userId), Optional.of(credentialId), "revoke a passkey", request, () -> {
            administration.revokePasskey(userId, credentialId);
            return new Change<>(AuditEventType.PASSKEY_REVOKED, "revoked by administrator " + admin.getName()
                    + "; sessions and tokens ended", 1);
        });
    }

    private void revokeAll(PasskeyPrincipal admin, String userId, HttpServletRequest request) {
        change(admin, Optional.of(userId), Optional.empty(), "revoke all passkeys", request, () -> {
            int removed = administration.revokeAllPasskeys(userId);
            return new Change<>(AuditEventType.PASSKEY_REVOKED, "all " + removed + " passkeys revoked by administrator "
                    + admin.getName() + "; sessions and tokens ended", removed);
        });
    }

    private void act(PasskeyPrincipal admin, String userId, String action, String reason, HttpServletRequest request) {
        String because = reason.isEmpty() ? "" : ": " + reason;
        change(admin, Optional.of(userId), Optional.empty(), action + because, request, () -> {
            AuditEventType type = switch (action) {
                case "disable" -> {
                    administration.disable(userId);
                    yield AuditEventType.ACCOUNT_DISABLED;
                }
                case "enable" -> {
                    administration.enable(userId);
                    yield AuditEventType.ACCOUNT_ENABLED;
                }
                default -> {
                    administration.signOutEverywhere(userId);
                    yield AuditEventType.SIGNED_OUT_EVERYWHERE;
                }
            };
            return new Change<>(type, "by administrator " + admin.getName() + because, type);
        });
    }

    private void rotateTokenKey(PasskeyPrincipal admin, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        KeyRotation rotation = change(admin, Optional.empty(), Optional.empty(), "rotate the token signing key", request,
                () -> {
                    KeyRotation made = tokenKeys.rotate().orElseThrow(() -> new ProblemException(Problem.invalidRequest(
                            "The token keys are in files (passkeys.token.key-store=file): rotate them by moving the "
                                    + "key to passkeys.token.previous-key-location and restarting.")));
                    return new Change<>(AuditEventType.TOKEN_KEY_ROTATED, "token signing key " + made.keyId()
                            + " created by administrator " + admin.getName() + "; it signs from " + made.signsFrom(),
                            made);
                });
        HttpExchange.writeJson(response, 201, JSON.createObjectBuilder()
                .add("kid", rotation.keyId())
                .add("signsFrom", rotation.signsFrom().toString())
                .build());
    }

    /** What a change did: for the audit log, and its result for the answer. */
    private record Change<T>(AuditEventType type, String detail, T result) {
    }

    /**
     * Makes a change after checking the administrator's sign-in, and audits what came of it: the change, or
     * the attempt and why it was refused or failed.
     */
    private <T> T change(PasskeyPrincipal admin, Optional<String> userId, Optional<String> credentialId, String attempt,
                         HttpServletRequest request, Supplier<Change<T>> action) {
        Change<T> change;
        try {
            admin.requirePasskeySignInWithin(config.recentSignIn(), Instant.now());
            change = action.get();
        } catch (RuntimeException e) {
            String why = e instanceof CeremonyException refused ? refused.failure().code() : "server error";
            audit.record(request, AuditEventType.ADMINISTRATION_FAILED, userId, credentialId,
                    "administrator " + admin.getName() + " could not " + attempt + ": " + why);
            throw e;
        }
        audit.record(request, change.type(), userId, credentialId, change.detail());
        return change.result();
    }

    private static String reason(JsonObject body) {
        String reason = ResponseJson.optionalString(body, "reason", "reason").orElse("").strip();
        if (reason.length() > MAX_REASON) {
            throw new ProblemException(Problem.invalidRequest("reason has at most " + MAX_REASON + " characters"));
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            // Kept out of the audit trail and the server log, where a line break would forge an entry.
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
}
