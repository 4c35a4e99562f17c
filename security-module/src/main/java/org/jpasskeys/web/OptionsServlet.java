package org.jpasskeys.web;

import java.io.IOException;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

import org.jpasskeys.audit.AuditEventType;
import org.jpasskeys.ceremony.AddPasskeyRequest;
import org.jpasskeys.ceremony.AuthenticationCeremony;
import org.jpasskeys.ceremony.PublicKeyCredentialCreationOptions;
import org.jpasskeys.ceremony.PublicKeyCredentialRequestOptions;
import org.jpasskeys.ceremony.RegistrationCeremony;
import org.jpasskeys.ceremony.SignUpRequest;
import org.jpasskeys.ceremony.Usernames;
import org.jpasskeys.challenge.PendingPerClient;
import org.jpasskeys.challenge.SecondFactorChallenges;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.ProblemException;
import org.jpasskeys.mechanism.PasskeyPrincipal;
import org.jpasskeys.ratelimit.ClientAddress;
import org.jpasskeys.ratelimit.PerUsername;
import org.jpasskeys.ratelimit.RateLimitAnswers;
import org.jpasskeys.ratelimit.RateLimitDecision;
import org.jpasskeys.ratelimit.RateLimiter;

/** The options endpoints: {@code generate-registration}, {@code generate-authentication[-discoverable]}. */
public class OptionsServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    static final String GENERATE_REGISTRATION = "generate-registration";
    static final String GENERATE_AUTHENTICATION = "generate-authentication";
    static final String GENERATE_AUTHENTICATION_DISCOVERABLE = "generate-authentication-discoverable";
    static final String GENERATE_AUTHENTICATION_FROM_CHALLENGE = "generate-authentication-from-challenge";

    @Inject
    transient RegistrationCeremony registration;

    @Inject
    transient AuthenticationCeremony authentication;

    @Inject
    transient SecondFactorChallenges secondFactors;

    @Inject
    @PerUsername
    transient RateLimiter perUsername;

    @Inject
    transient PendingPerClient pendingPerClient;

    @Override
    void handle(String endpoint, JsonObject body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        JsonObject options = switch (endpoint) {
            case GENERATE_REGISTRATION -> OptionsJson.creation(generateRegistration(body));
            case GENERATE_AUTHENTICATION -> OptionsJson.request(generateForUsername(body, request, response));
            case GENERATE_AUTHENTICATION_DISCOVERABLE -> OptionsJson.request(authentication.startDiscoverable());
            case GENERATE_AUTHENTICATION_FROM_CHALLENGE -> OptionsJson.request(generateStepUp(body));
            default -> throw new IllegalStateException("not mapped here: " + endpoint);
        };
        pendingPerClient.issued(ClientAddress.limitedClient(request, config.rateLimit()),
                options.getString("challenge"));
        metrics.optionsIssued(endpoint);
        audit.record(request, AuditEventType.CHALLENGE_ISSUED, caller().map(PasskeyPrincipal::userId),
                Optional.empty(), endpoint);
        HttpExchange.writeJson(response, 200, options);
    }

    /** Username-first options, at most {@code per-username-per-minute} a minute for one username. */
    private PublicKeyCredentialRequestOptions generateForUsername(JsonObject body, HttpServletRequest request,
                                                                  HttpServletResponse response) {
        String username = Usernames.normalize(ResponseJson.optionalString(body, "username", "username")
                .orElseThrow(() -> new ProblemException(Problem.invalidRequest("username is required"))));
        if (config.rateLimit().enabled()) {
            RateLimitDecision decision = perUsername.tryAcquire(username);
            if (!decision.allowed()) {
                metrics.rateLimited(decision.policy());
                audit.record(request, AuditEventType.RATE_LIMITED, Optional.empty(), Optional.empty(),
                        decision.policy() + " limit reached for username " + username);
                RateLimitAnswers.addHeaders(response, decision);
                throw new ProblemException(RateLimitAnswers.problem(response, decision));
            }
        }
        return authentication.startWithUsername(username);
    }

    /** Second factor after a first-factor sign-in ({@code mfaChallenge}), or step-up for a signed-in caller. */
    private PublicKeyCredentialRequestOptions generateStepUp(JsonObject body) {
        Optional<String> mfaChallenge = ResponseJson.optionalString(body, "mfaChallenge", "mfaChallenge");
        String userId;
        if (mfaChallenge.isPresent()) {
            userId = secondFactors.redeem(mfaChallenge.get()).orElseThrow(() -> new ProblemException(
                    Problem.unauthenticated("This sign-in has expired or was already completed. Sign in again.")));
        } else {
            userId = caller().orElseThrow(() -> new ProblemException(Problem.unauthenticated(
                    "Sign in first; step-up confirms a signed-in person."))).userId();
        }
        return authentication.startStepUp(userId);
    }

    /** A signed-in caller adds a passkey to their account; anyone else signs up. */
    private PublicKeyCredentialCreationOptions generateRegistration(JsonObject body) {
        boolean crossDevice = ResponseJson.optionalBoolean(body, "crossDevice").orElse(false);
        Optional<PasskeyPrincipal> caller = caller();
        if (caller.isPresent()) {
            if (body.containsKey("username")) {
                throw new ProblemException(Problem.invalidRequest("You are signed in: leave out the username to add "
                        + "a passkey to your account, or sign out first to create another account."));
            }
            caller.get().requireSignedInWithin(config.recentSignIn(), Instant.now());
            return registration.startAddPasskey(new AddPasskeyRequest(caller.get().userId(), crossDevice));
        }
        return registration.startSignUp(new SignUpRequest(
                ResponseJson.optionalString(body, "username", "username").orElse(null),
                ResponseJson.optionalString(body, "displayName", "displayName").orElse(null), crossDevice));
    }
}
