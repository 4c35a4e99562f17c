package org.jpasskeys.web;

import java.io.StringReader;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.jpasskeys.assurance.AccountGroups;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.ceremony.AuthenticationCeremony;
import org.jpasskeys.ceremony.CeremonyContext;
import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.ceremony.DecoyCredentials;
import org.jpasskeys.ceremony.FinishRegistrationRequest;
import org.jpasskeys.ceremony.PublicKeyCredentialCreationOptions;
import org.jpasskeys.ceremony.RegistrationCeremony;
import org.jpasskeys.ceremony.SignUpRequest;
import org.jpasskeys.challenge.CaffeineChallengeStore;
import org.jpasskeys.challenge.ChallengeGenerator;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.http.ProblemException;
import org.jpasskeys.testing.InMemoryAccounts;
import org.jpasskeys.testing.SoftwareAuthenticator;

/**
 * Coverage-guided fuzzing (Jazzer) of both verify paths, from the JSON a browser sends through the
 * strict JSON decoding to webauthn4j: each run mutates one freshly signed, valid response. Whatever the
 * input, the outcome is success or a problem (ProblemException, CeremonyException), never another
 * exception. Plain JUnit runs the seed inputs; with {@code JAZZER_FUZZ=1} each test fuzzes for its duration.
 */
class VerifyPathsFuzzTest {

    private static final PasskeysConfig CONFIG = PasskeysConfig.developmentDefaults();
    private static final String ORIGIN = CONFIG.origins().iterator().next();
    private static final InMemoryAccounts ACCOUNTS = new InMemoryAccounts();
    private static final ChallengeGenerator GENERATOR = new ChallengeGenerator();
    private static final CeremonyContext CONTEXT = new CeremonyContext(CONFIG.withSelfServiceRegistration(true), new CaffeineChallengeStore(
            CONFIG.challengeTtl(), 10_000, Clock.systemUTC()), GENERATOR, ACCOUNTS, ACCOUNTS, Clock.systemUTC(),
            AccountGroups.NONE,
                AuthenticatorMetadata.none());
    private static final RegistrationCeremony REGISTRATION = new RegistrationCeremony(CONTEXT);
    private static final AuthenticationCeremony AUTHENTICATION = new AuthenticationCeremony(CONTEXT,
            new DecoyCredentials(GENERATOR.randomBytes(32)));
    private static final SoftwareAuthenticator SIGNER = SoftwareAuthenticator.es256().withoutCounter();

    static {
        PublicKeyCredentialCreationOptions options = REGISTRATION.startSignUp(new SignUpRequest("fuzz", null, false));
        REGISTRATION.finishRegistration(new FinishRegistrationRequest(SIGNER.register(CONFIG.rpId(), ORIGIN,
                options.challenge(), options.userHandle()).build(), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    @FuzzTest(maxDuration = "45s")
    void verifyRegistrationAnswersWithSuccessOrAProblem(FuzzedDataProvider data) {
        PublicKeyCredentialCreationOptions options = REGISTRATION.startSignUp(
                new SignUpRequest("u" + GENERATOR.newChallenge().substring(0, 12), null, false));
        JsonObject valid = SoftwareAuthenticator.es256().register(CONFIG.rpId(), ORIGIN, options.challenge(),
                options.userHandle()).json();
        expectProblemOrSuccess(() -> REGISTRATION.finishRegistration(new FinishRegistrationRequest(
                ResponseJson.registration(parse(mutate(valid, data))), Optional.empty(), Optional.empty(),
                Optional.empty())));
    }

    @FuzzTest(maxDuration = "45s")
    void verifyAuthenticationAnswersWithSuccessOrAProblem(FuzzedDataProvider data) {
        JsonObject valid = SIGNER.authenticate(CONFIG.rpId(), ORIGIN,
                AUTHENTICATION.startDiscoverable().challenge()).json();
        expectProblemOrSuccess(() -> AUTHENTICATION.finishAssertion(
                ResponseJson.authentication(parse(mutate(valid, data)))));
    }

    private static void expectProblemOrSuccess(Runnable verification) {
        try {
            verification.run();
        } catch (ProblemException | CeremonyException expected) {
            // A problem answer: what hostile input must get.
        }
    }

    /** The valid response with one member replaced by fuzzed text or bytes, or fuzzed text altogether. */
    private static String mutate(JsonObject valid, FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeRemainingAsString();
            case 1 -> Json.createObjectBuilder(valid).add(data.pickValue(new String[] {"id", "rawId", "type"}),
                    data.consumeRemainingAsString()).build().toString();
            default -> {
                String member = data.pickValue(new String[] {"clientDataJSON", "attestationObject",
                    "authenticatorData", "signature", "userHandle"});
                String value = Base64.getUrlEncoder().withoutPadding().encodeToString(data.consumeRemainingAsBytes());
                yield Json.createObjectBuilder(valid).add("response", Json.createObjectBuilder(
                        valid.getJsonObject("response")).add(member, value)).build().toString();
            }
        };
    }

    private static JsonObject parse(String text) {
        try {
            return Json.createReader(new StringReader(text)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(org.jpasskeys.http.Problem.invalidRequest("The request body is not JSON."));
        }
    }
}
