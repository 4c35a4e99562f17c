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
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.admin.AccountAdministration;
import org.jpasskeys.admin.AccountSummary;
import org.jpasskeys.audit.AuditEventType;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.credential.PasskeyDescriptions;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.ProblemException;
import org.jpasskeys.mechanism.PasskeyPrincipal;
import org.jpasskeys.metrics.PasskeyMetrics;

/**
 * The administration API below {@code {base}/admin}, for callers in {@code passkeys.admin.role}:
 * {@code GET users?username=}, {@code GET users/{id}/credentials}, {@code DELETE users/{id}/credentials[/{cid}]},
 * {@code POST users/{id}/disable|enable|sign-out} with an optional {@code {"reason"}}, and {@code GET metrics}.
 * Every change is audited with the administrator's name.
 */
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String ADMIN = "admin";

    private static final Pattern USERS = Pattern.compile("/users/?");
    private static final Pattern CREDENTIALS = Pattern.compile("/users/([^/]+)/credentials(?:/([^/]+))?/?");
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

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answers.answer(this, ADMIN, response, () -> {
            PasskeyPrincipal admin = Administrators.require(securityContext, config, "administer accounts");
            String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
            Matcher credentials = CREDENTIALS.matcher(path);
            Matcher action = ACTION.matcher(path);
            switch (request.getMethod()) {
                case "GET" -> {
                    if (path.equals("/metrics")) {
                        metrics(response);
                    } else if (USERS.matcher(path).matches()) {
                        users(request, response);
                    } else if (credentials.matches() && credentials.group(2) == null) {
                        passkeys(credentials.group(1), response);
                    } else {
                        throw notFound();
                    }
                }
                case "DELETE" -> {
                    if (!credentials.matches()) {
                        throw notFound();
                    }
                    HttpExchange.requireAllowedOrigin(request, config.origins());
                    revoke(admin, credentials.group(1), Optional.ofNullable(credentials.group(2)), request);
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                }
                case "POST" -> {
                    if (!action.matches()) {
                        throw notFound();
                    }
                    JsonObject body = HttpExchange.readJsonObject(request, config.origins(), config.maxBodyBytes());
                    act(admin, action.group(1), action.group(2), reason(body), request);
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                }
                default -> throw new ProblemException(new Problem(405, "invalid_request", "Method not allowed",
                        "Use GET, POST or DELETE."));
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

    private void revoke(PasskeyPrincipal admin, String userId, Optional<String> credentialId,
                        HttpServletRequest request) {
        if (credentialId.isPresent()) {
            administration.revokePasskey(userId, credentialId.get());
            audit.record(request, AuditEventType.PASSKEY_REVOKED, Optional.of(userId), credentialId,
                    "revoked by administrator " + admin.getName() + "; sessions and tokens ended");
        } else {
            int removed = administration.revokeAllPasskeys(userId);
            audit.record(request, AuditEventType.PASSKEY_REVOKED, Optional.of(userId), Optional.empty(),
                    "all " + removed + " passkeys revoked by administrator " + admin.getName()
                            + "; sessions and tokens ended");
        }
    }

    private void act(PasskeyPrincipal admin, String userId, String action, String reason, HttpServletRequest request) {
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
        audit.record(request, type, Optional.of(userId), Optional.empty(),
                "by administrator " + admin.getName() + (reason.isEmpty() ? "" : ": " + reason));
    }

    private static String reason(JsonObject body) {
        String reason = ResponseJson.optionalString(body, "reason", "reason").orElse("").strip();
        if (reason.length() > MAX_REASON) {
            throw new ProblemException(Problem.invalidRequest("reason has at most " + MAX_REASON + " characters"));
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
