package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jpasskeys.assurance.AccountGroups;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.challenge.CaffeineChallengeStore;
import org.jpasskeys.challenge.ChallengeGenerator;
import org.jpasskeys.config.AssuranceConfig;
import org.jpasskeys.config.AttestationPolicy;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.testing.InMemoryAccounts;
import org.jpasskeys.testing.MutableClock;
import org.jpasskeys.testing.SoftwareAuthenticator;

/** A relying party in memory: both ceremonies over one challenge store and one account store. */
final class CeremonyFixture {

    static final String RP_ID = "example.com";
    static final String ORIGIN = "https://example.com";
    /** The relying party's Android app: the base64url SHA-256 of its signing certificate. */
    static final String ANDROID_APP = "android:apk-key-hash:" + "X".repeat(43);

    final PasskeysConfig config;
    final MutableClock clock;
    final CaffeineChallengeStore challenges;
    final InMemoryAccounts accounts = new InMemoryAccounts();
    final ChallengeGenerator generator = new ChallengeGenerator();
    final CeremonyContext context;
    final RegistrationCeremony registration;
    private final AtomicLong hoursPassed = new AtomicLong();
    // Sampled again at every use (two hours pass each time): what the fixture's accounts look like now.
    final DecoyCredentials decoys = new DecoyCredentials(new byte[32],
            () -> accounts.sampleShapes(DecoyCredentials.SAMPLED_ACCOUNTS),
            () -> Duration.ofHours(hoursPassed.addAndGet(2)).toNanos());
    final AuthenticationCeremony authentication;

    CeremonyFixture() {
        this(AssuranceConfig.permissive(), AccountGroups.NONE);
    }

    /** A relying party with these trust anchors and authenticator policies, and groups of accounts. */
    CeremonyFixture(AssuranceConfig assurance, AccountGroups groups) {
        this(RP_ID, Set.of(ORIGIN, ANDROID_APP), Instant.parse("2026-01-01T00:00:00Z"), assurance, groups,
                AuthenticatorMetadata.none());
    }

    /** A relying party of another RP ID and origins, at {@code now}, with the FIDO metadata {@code metadata}. */
    CeremonyFixture(String rpId, Set<String> origins, Instant now, AssuranceConfig assurance, AccountGroups groups,
                    AuthenticatorMetadata metadata) {
        PasskeysConfig d = PasskeysConfig.developmentDefaults();
        clock = new MutableClock(now);
        config = new PasskeysConfig(rpId, "Example", origins, "/v1/portal/mfa/passkey", "/", 16384,
                Duration.ofMinutes(5), 1000, true, AttestationPolicy.NONE, 10, Duration.ofMinutes(15),
                "https://example.com", "example", Duration.ofMinutes(15), Path.of("unused.pem"), Optional.empty(),
                Duration.ofDays(90), d.operations(), d.rateLimit(), d.state(), d.tokenKeyStore(), assurance);
        challenges = new CaffeineChallengeStore(config.challengeTtl(), config.challengeMaxPending(), clock);
        context = new CeremonyContext(config, challenges, generator, accounts, accounts, clock, groups, metadata);
        registration = new RegistrationCeremony(context);
        authentication = new AuthenticationCeremony(context, decoys);
    }

    /** Sign-up options answered by {@code authenticator}, not yet finished. */
    SoftwareAuthenticator.Registration signUpAnswer(SoftwareAuthenticator authenticator, String username) {
        PublicKeyCredentialCreationOptions options = registration.startSignUp(new SignUpRequest(username, username, false));
        return authenticator.register(RP_ID, ORIGIN, options.challenge(), options.userHandle());
    }

    RegistrationResult signUp(SoftwareAuthenticator authenticator, String username) {
        return finish(signUpAnswer(authenticator, username));
    }

    RegistrationResult finish(SoftwareAuthenticator.Registration answer) {
        return finishAs(Optional.empty(), answer);
    }

    /** Finishes a registration as the signed-in caller {@code callerId}. */
    RegistrationResult finishAs(Optional<String> callerId, SoftwareAuthenticator.Registration answer) {
        return registration.finishRegistration(new FinishRegistrationRequest(answer.build(), Optional.empty(),
                Optional.of("JUnit"), callerId));
    }

    /** Add-a-passkey options for the signed-in {@code user}, answered by {@code authenticator}. */
    SoftwareAuthenticator.Registration addPasskeyAnswer(SoftwareAuthenticator authenticator, RegistrationResult user) {
        PublicKeyCredentialCreationOptions options = registration.startAddPasskey(
                new AddPasskeyRequest(user.user().id(), false));
        return authenticator.register(RP_ID, ORIGIN, options.challenge(), options.userHandle());
    }

    /** Discoverable-sign-in options answered by {@code authenticator}, not yet finished. */
    SoftwareAuthenticator.Assertion signInAnswer(SoftwareAuthenticator authenticator) {
        return authenticator.authenticate(RP_ID, ORIGIN, authentication.startDiscoverable().challenge());
    }

    /** Runs {@code call}, expects it to fail with {@code failure}, and checks that no challenge is left. */
    CeremonyException expectFailure(CeremonyFailure failure, ThrowingCallable call) {
        CeremonyException e = expectMalformed(failure, call);
        assertThat(challenges.pendingCount()).as("the challenge is used up").isZero();
        return e;
    }

    /**
     * Like {@link #expectFailure} for input so malformed that the challenge cannot be read from it:
     * that challenge stays pending until it expires.
     */
    CeremonyException expectMalformed(CeremonyFailure failure, ThrowingCallable call) {
        CeremonyException e = catchThrowableOfType(CeremonyException.class, call);
        assertThat(e).as("expected %s", failure.code()).isNotNull();
        assertThat(e.failure()).as(e.auditReason()).isEqualTo(failure);
        return e;
    }
}
