package org.jpasskeys.web;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.audit.AuditEventType;
import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.ceremony.CeremonyFailure;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.http.Problem;
import org.jpasskeys.mechanism.PasskeyPrincipal;
import org.jpasskeys.mechanism.SignInMethod;
import org.jpasskeys.metrics.PasskeyMetrics;
import org.jpasskeys.token.AccessToken;
import org.jpasskeys.token.AccessTokenIssuer;
import org.jpasskeys.token.TokenSubject;

/**
 * The answers to a sign-in, whatever proved it: {@code verify-authentication} uses them, and so does an
 * application's own password form, so that both give the browser the same body and leave the same trail.
 */
@ApplicationScoped
public class SignInAnswers {

    @Inject
    AccessTokenIssuer tokens;

    @Inject
    RequestAudit audit;

    @Inject
    PasskeyMetrics metrics;

    /**
     * 200 {@code {"user", "accessToken", "tokenType", "expiresIn", "aal", "authMethod"}} for the caller this
     * request signed in.
     */
    public void signedIn(HttpServletRequest request, HttpServletResponse response, PasskeyPrincipal caller,
                         Optional<String> credentialId, String detail) throws IOException {
        metrics.signInSucceeded(caller.authMethod());
        audit.record(request, AuditEventType.SIGN_IN_SUCCEEDED, Optional.of(caller.userId()), credentialId, detail);
        HttpExchange.writeJson(response, 200, withToken(request, JSON.createObjectBuilder()
                .add("user", Views.user(caller.userId(), caller.getName(), caller.displayName())), caller).build());
    }

    /** 401 {@code authentication_failed} for a refused password; the reason goes to the audit log only. */
    public void passwordRefused(HttpServletRequest request, HttpServletResponse response, String auditReason)
            throws IOException {
        metrics.signInRefused(SignInMethod.PASSWORD, CeremonyFailure.AUTHENTICATION_FAILED.code());
        audit.record(request, AuditEventType.SIGN_IN_FAILED, Optional.empty(), Optional.empty(), auditReason);
        HttpExchange.writeProblem(response, Problem.of(new CeremonyException(CeremonyFailure.AUTHENTICATION_FAILED,
                "The username or password is not right. Try again, or sign in with a passkey.", auditReason)));
    }

    /** Adds a new access token for {@code caller} to {@code json}. */
    JsonObjectBuilder withToken(HttpServletRequest request, JsonObjectBuilder json, PasskeyPrincipal caller) {
        AccessToken token = tokens.issue(new TokenSubject(caller.signIn(), caller.getName(), caller.displayName(),
                caller.acr(), caller.amr(), caller.groups()));
        metrics.tokenIssued();
        audit.record(request, AuditEventType.TOKEN_ISSUED, Optional.of(caller.userId()), Optional.empty(),
                "access token valid until " + token.expiresAt());
        return Views.token(json, token, caller);
    }
}
