package org.jpasskeys.mechanism;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.credential.UserRepository;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.SecurityHeaders;
import org.jpasskeys.token.AccessTokenVerifier;
import org.jpasskeys.revocation.AccountStanding;
import org.jpasskeys.revocation.Revocations;
import org.jpasskeys.revocation.SignIn;
import org.jpasskeys.token.TokenSubject;

/**
 * Passkey sign-in for Jakarta Security. A {@link PasskeyCredential} handed to {@link #signIn} (or to
 * {@code SecurityContext.authenticate}) is validated by the {@code IdentityStoreHandler}; on success the
 * caller is kept in the session. A {@code UsernamePasswordCredential} is validated the same way, by the
 * application's own password store, as a fallback of lower assurance. Every other request is authenticated
 * by a valid Bearer token of this issuer or by that session; an unauthenticated request for a protected
 * resource answers 401 (API) or is sent to the login page (browser).
 */
@ApplicationScoped
public class PasskeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String FAILURE = PasskeyAuthenticationMechanism.class.getName() + ".failure";
    private static final String BEARER = "bearer ";
    private static final String SIGNED_OUT = PasskeyAuthenticationMechanism.class.getName() + ".signedOut";

    @Inject
    IdentityStoreHandler identityStoreHandler;

    @Inject
    AccessTokenVerifier tokens;

    @Inject
    PasskeysConfig config;

    @Inject
    UserRepository users;

    @Inject
    CredentialRepository credentials;

    @Inject
    Revocations revocations;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (config.operations().securityHeaders()) {
            // Also on the answers the container gives before any filter runs (401, redirect, 403).
            SecurityHeaders.apply(request, response, config.rateLimit().trustedProxies());
        }
        if (context.isAuthenticationRequest() && isSignInCredential(context.getAuthParameters().getCredential())) {
            return validate(context.getAuthParameters().getCredential(), request)
                    .map(caller -> context.notifyContainerAboutLogin(caller, caller.groups()))
                    .orElse(AuthenticationStatus.SEND_FAILURE);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return bearer(authorization.substring(BEARER.length()).strip(), response, context);
        }
        Optional<PasskeyPrincipal> caller = CallerSession.caller(request);
        if (caller.isPresent() && sessionStillCounts(request, caller.get())) {
            return context.notifyContainerAboutLogin(caller.get(), caller.get().groups());
        }
        if (context.isProtected()) {
            return challenge(request, response, context);
        }
        return context.doNothing();
    }

    /**
     * Signs the caller in with {@code credential} (a {@link PasskeyCredential} or a
     * {@code UsernamePasswordCredential}): validated here by the identity stores, as the container's
     * authentication would, and kept in a new session. Not through {@code SecurityContext.authenticate}: Undertow
     * (WildFly) does not ask the mechanism again when the request's session already authenticated it, and answers
     * SUCCESS for that earlier caller; and the container's second pass costs a sign-in more than its JSON. The
     * next request finds the caller in the session, and the container learns of it then.
     *
     * @return the signed-in caller, or empty when the credential was refused ({@link #failureOf} tells why)
     */
    public Optional<PasskeyPrincipal> signIn(Credential credential, HttpServletRequest request) {
        return validate(credential, request);
    }

    /**
     * Why the last sign-in of this request failed, for the endpoint to answer with: a {@link CeremonyException}
     * for a refused passkey, another exception when the server failed (e.g. its database).
     */
    public static Optional<RuntimeException> failureOf(HttpServletRequest request) {
        return Optional.ofNullable((RuntimeException) request.getAttribute(FAILURE));
    }

    private static boolean isSignInCredential(Credential credential) {
        return credential instanceof PasskeyCredential || credential instanceof UsernamePasswordCredential;
    }

    /** Validates a sign-in credential and, when it is good, keeps the caller in the session. */
    private Optional<PasskeyPrincipal> validate(Credential credential, HttpServletRequest request) {
        return credential instanceof PasskeyCredential passkey
                ? validate(passkey, request)
                : validate((UsernamePasswordCredential) credential, request);
    }

    /**
     * A session ends once its account is signed out everywhere or disabled, and a session signed in by a
     * passkey once that passkey is removed from the account.
     */
    private boolean sessionStillCounts(HttpServletRequest request, PasskeyPrincipal caller) {
        boolean admitted = revocations.admits(caller.signIn());
        // Read here too: a session can outlive what revocation remembers of a deleted passkey.
        Optional<String> passkeyId = caller.signIn().passkey();
        if (admitted && (passkeyId.isEmpty() || credentials.findById(CredentialIds.decode(passkeyId.get()))
                .filter(credential -> credential.userId().equals(caller.userId())).isPresent())) {
            return true;
        }
        CallerSession.end(request);
        return false;
    }

    private Optional<PasskeyPrincipal> validate(PasskeyCredential passkey, HttpServletRequest request) {
        CredentialValidationResult result;
        try {
            result = identityStoreHandler.validate(passkey);
        } catch (RuntimeException e) {
            // Kept for the endpoint: a refusal becomes its problem answer, anything else a 500, never a token.
            request.setAttribute(FAILURE, e);
            return Optional.empty();
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof PasskeyPrincipal caller)) {
            passkey.refusal().ifPresent(refusal -> request.setAttribute(FAILURE, refusal));
            return Optional.empty();
        }
        // The groups of every group-providing identity store, the application's included.
        PasskeyPrincipal signedIn = caller.withGroups(result.getCallerGroups());
        CallerSession.establish(request, signedIn);
        return Optional.of(signedIn);
    }

    /**
     * A password, validated by the application's own identity store (e.g. Jakarta Security's database store):
     * the caller must also have an account here, and signs in at AAL1.
     */
    private Optional<PasskeyPrincipal> validate(UsernamePasswordCredential password, HttpServletRequest request) {
        CredentialValidationResult result = identityStoreHandler.validate(password);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return Optional.empty();
        }
        Optional<UserAccount> account = users.findByUsername(result.getCallerPrincipal().getName());
        AccountStanding standing = account.map(found -> revocations.atSignIn(found.id())).orElse(AccountStanding.GONE);
        if (!standing.maySignIn()) {
            return Optional.empty();
        }
        PasskeyPrincipal caller = SignInMethod.password(account.get(), Instant.now(), standing.sessionEpoch())
                .alsoIn(result.getCallerGroups());
        CallerSession.establish(request, caller);
        return Optional.of(caller);
    }

    private AuthenticationStatus bearer(String token, HttpServletResponse response, HttpMessageContext context) {
        Optional<TokenSubject> subject = verifiedToken(token);
        if (subject.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return fail(response, Problem.unauthenticated("The access token is invalid or expired. Sign in again."));
        }
        TokenSubject s = subject.get();
        PasskeyPrincipal caller = new PasskeyPrincipal(s.signIn(), s.username(), s.displayName(), s.acr(), s.amr(),
                s.groups());
        return context.notifyContainerAboutLogin(caller, caller.groups());
    }

    /** A token of this issuer whose sign-in still counts. */
    private Optional<TokenSubject> verifiedToken(String token) {
        return tokens.verify(token).filter(verified -> revocations.admits(verified.signIn()));
    }

    /**
     * Signs the caller of this request out: ends its sign-in, so that the tokens issued for it stop working
     * too (on other nodes within {@code passkeys.revocation.check-interval}), then the session and the
     * container's login. A request with neither a session nor a Bearer token of a signed-in caller changes nothing.
     */
    public void signOut(HttpServletRequest request) throws ServletException {
        endSignIn(request);
        request.logout();
        CallerSession.end(request);
    }

    /** {@code HttpServletRequest.logout()} ends the sign-in too, also when the application calls it itself. */
    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        endSignIn(request);
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private void endSignIn(HttpServletRequest request) {
        if (request.getAttribute(SIGNED_OUT) != null) {
            return;
        }
        request.setAttribute(SIGNED_OUT, Boolean.TRUE);
        String authorization = request.getHeader("Authorization");
        Optional<SignIn> signIn = authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                ? verifiedToken(authorization.substring(BEARER.length()).strip()).map(TokenSubject::signIn)
                : CallerSession.caller(request).map(PasskeyPrincipal::signIn);
        signIn.ifPresent(revocations::endSignIn);
    }

    private AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response,
                                           HttpMessageContext context) {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            return context.redirect(request.getContextPath() + config.loginPage());
        }
        return fail(response, Problem.unauthenticated("Sign in with a passkey, or send a Bearer access token."));
    }

    private static AuthenticationStatus fail(HttpServletResponse response, Problem problem) {
        try {
            HttpExchange.writeProblem(response, problem);
        } catch (IOException e) {
            // The client went away; the status is what matters.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
