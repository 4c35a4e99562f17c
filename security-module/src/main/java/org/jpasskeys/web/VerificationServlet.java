package org.jpasskeys.web;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.audit.AuditEventType;
import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.ceremony.FinishRegistrationRequest;
import org.jpasskeys.ceremony.RegistrationCeremony;
import org.jpasskeys.ceremony.RegistrationResult;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.PasskeyDescriptions;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.mechanism.ApplicationGroups;
import org.jpasskeys.mechanism.CallerSession;
import org.jpasskeys.mechanism.PasskeyAuthenticationMechanism;
import org.jpasskeys.mechanism.PasskeyCredential;
import org.jpasskeys.mechanism.PasskeyPrincipal;
import org.jpasskeys.mechanism.SignInMethod;
import org.jpasskeys.revocation.AccountStanding;

/**
 * The verification endpoints. {@code verify-registration} stores the passkey (and on sign-up signs the new
 * account in); {@code verify-authentication} hands the assertion to Jakarta Security as a
 * {@link PasskeyCredential}. Both answer with an access token once everything is stored.
 */
public class VerificationServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    static final String VERIFY_REGISTRATION = "verify-registration";
    static final String VERIFY_AUTHENTICATION = "verify-authentication";

    @Inject
    transient RegistrationCeremony registration;

    @Inject
    transient SignInAnswers signIns;

    @Inject
    transient PasskeyAuthenticationMechanism mechanism;

    @Inject
    transient ApplicationGroups groups;

    @Inject
    transient PasskeyDescriptions descriptions;

    @Override
    void handle(String endpoint, JsonObject body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        switch (endpoint) {
            case VERIFY_REGISTRATION -> verifyRegistration(body, request, response);
            case VERIFY_AUTHENTICATION -> verifyAuthentication(body, request, response);
            default -> throw new IllegalStateException("not mapped here: " + endpoint);
        }
    }

    @Override
    void refused(String endpoint, HttpServletRequest request, CeremonyException refusal) {
        AuditEventType type = endpoint.equals(VERIFY_REGISTRATION) ? AuditEventType.REGISTRATION_FAILED
                : refusal.cloneSuspected() ? AuditEventType.COUNTER_REGRESSION : AuditEventType.SIGN_IN_FAILED;
        if (type == AuditEventType.REGISTRATION_FAILED) {
            metrics.registrationRefused(refusal.failure().code());
        } else {
            if (refusal.cloneSuspected()) {
                metrics.counterRegression();
            }
            metrics.signInRefused(SignInMethod.PASSKEY, refusal.failure().code());
        }
        audit.record(request, type, caller().map(PasskeyPrincipal::userId), Optional.empty(), refusal.auditReason());
    }

    private void verifyRegistration(JsonObject body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        RegistrationResult result = registration.finishRegistration(new FinishRegistrationRequest(
                ResponseJson.registration(body), ResponseJson.optionalString(body, "name", "name"),
                Optional.ofNullable(request.getHeader("User-Agent")), caller().map(PasskeyPrincipal::userId)));
        metrics.registrationSucceeded();
        audit.record(request, AuditEventType.REGISTRATION_SUCCEEDED, Optional.of(result.user().id()),
                Optional.of(result.credential().credentialIdBase64Url()),
                result.newAccount() ? "sign-up" : "passkey added");
        JsonObjectBuilder answer = JSON.createObjectBuilder()
                .add("credential", Views.credential(result.credential(), descriptions))
                .add("user", Views.user(result.user()));
        if (result.newAccount()) {
            // Sign-up signs the new account in.
            PasskeyPrincipal caller = groups.resolve(
                    SignInMethod.passkey(result.user(), result.credential(), result.credential().createdAt(),
                            AccountStanding.FIRST_SESSION_EPOCH));
            CallerSession.establish(request, caller);
            signIns.withToken(request, answer, caller);
        }
        HttpExchange.writeJson(response, 201, answer.build());
    }

    private void verifyAuthentication(JsonObject body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        PasskeyCredential credential = new PasskeyCredential(ResponseJson.authentication(body));
        Optional<PasskeyPrincipal> caller = mechanism.signIn(credential, request);
        if (caller.isEmpty()) {
            // A refusal answers with its problem; a server failure (e.g. the database) with 500. No token either way.
            throw PasskeyAuthenticationMechanism.failureOf(request)
                    .orElseGet(() -> CeremonyException.authenticationFailed("identity store refused the passkey"));
        }
        signIns.signedIn(request, response, caller.get(), Optional.of(CredentialIds.encode(
                credential.response().credentialId())), "user resolved from userHandle");
    }
}
