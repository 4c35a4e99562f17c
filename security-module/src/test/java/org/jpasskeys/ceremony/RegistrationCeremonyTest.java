package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jpasskeys.ceremony.CeremonyFailure.CHALLENGE_NOT_FOUND;
import static org.jpasskeys.ceremony.CeremonyFailure.CREDENTIAL_ALREADY_REGISTERED;
import static org.jpasskeys.ceremony.CeremonyFailure.INVALID_REQUEST;
import static org.jpasskeys.ceremony.CeremonyFailure.ORIGIN_MISMATCH;
import static org.jpasskeys.ceremony.CeremonyFailure.RP_ID_MISMATCH;
import static org.jpasskeys.ceremony.CeremonyFailure.UNSUPPORTED_ALGORITHM;
import static org.jpasskeys.ceremony.CeremonyFailure.USERNAME_TAKEN;
import static org.jpasskeys.ceremony.CeremonyFailure.USER_PRESENCE_REQUIRED;
import static org.jpasskeys.ceremony.CeremonyFailure.USER_VERIFICATION_REQUIRED;
import static org.jpasskeys.testing.SoftwareAuthenticator.UP;
import static org.jpasskeys.testing.SoftwareAuthenticator.UV;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;


import org.jpasskeys.assurance.AccountGroups;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.jpasskeys.testing.SoftwareAuthenticator.Algorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationCeremonyTest {

    private final CeremonyFixture rp = new CeremonyFixture();
    private final SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();

    @Test
    void signUpOptionsRequireResidentKeyAndUserVerificationAndOfferThreeAlgorithms() {
        PublicKeyCredentialCreationOptions options = rp.registration.startSignUp(new SignUpRequest("Alice ", "Alice A.", false));

        assertThat(options.algorithms()).containsExactly(-7, -8, -257);
        assertThat(options.userName()).isEqualTo("alice");
        assertThat(options.userDisplayName()).isEqualTo("Alice A.");
        assertThat(options.userHandle()).hasSize(32);
        assertThat(Base64.getUrlDecoder().decode(options.challenge())).hasSize(32);
        assertThat(options.rpId()).isEqualTo(CeremonyFixture.RP_ID);
        assertThat(options.attestation()).isEqualTo("none");
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(rp.accounts.userCount()).as("nothing stored before verification").isZero();
    }

    @Test
    void theUserHandleIsRandomAndCarriesNoPersonalData() {
        byte[] first = rp.registration.startSignUp(new SignUpRequest("alice", "Alice", false)).userHandle();
        byte[] second = rp.registration.startSignUp(new SignUpRequest("alice", "Alice", false)).userHandle();

        assertThat(first).hasSize(32).isNotEqualTo(second);
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContainIgnoringCase("alice");
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"ES256", "EDDSA", "RS256"})
    void signUpStoresAccountAndPasskey(Algorithm algorithm) {
        SoftwareAuthenticator device = SoftwareAuthenticator.create(algorithm).synced();

        RegistrationResult result = rp.signUp(device, "alice");

        assertThat(result.user().username()).isEqualTo("alice");
        assertThat(result.credential().credentialId()).isEqualTo(device.credentialId());
        assertThat(result.credential().backupEligible()).isTrue();
        assertThat(result.credential().backedUp()).isTrue();
        assertThat(result.credential().transports()).containsExactlyInAnyOrder("internal", "hybrid");
        assertThat(result.credential().attestation().format()).isEqualTo("none");
        assertThat(result.credential().userAgent()).contains("JUnit");
        assertThat(rp.accounts.findByUserHandle(result.user().userHandle())).contains(result.user());
        assertThat(rp.accounts.credentialCount()).isEqualTo(1);
        assertThat(rp.challenges.pendingCount()).isZero();
    }

    @Test
    void packedSelfAttestationIsAccepted() {
        RegistrationResult result = rp.finish(rp.signUpAnswer(authenticator, "alice").format("packed"));

        assertThat(result.credential().attestation().format()).isEqualTo("packed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"webauthn.get", "", "webauthn.CREATE"})
    void wrongClientDataTypeIsRejected(String type) {
        rejected(INVALID_REQUEST, rp.signUpAnswer(authenticator, "alice").type(type));
    }

    @Test
    void missingClientDataTypeIsRejected() {
        rejectedMalformed(rp.signUpAnswer(authenticator, "alice").type(null));
    }

    @Test
    void challengeThatWasNeverIssuedIsRejected() {
        rejected(CHALLENGE_NOT_FOUND, authenticator.register(CeremonyFixture.RP_ID, CeremonyFixture.ORIGIN,
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]), new byte[32]));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "not base64url!", "AA=="})
    void challengeMissingEmptyOrNotBase64UrlIsRejected(String challenge) {
        SoftwareAuthenticator.Registration answer = rp.signUpAnswer(authenticator, "alice").challenge(challenge);

        CeremonyException e = catchThrowableOfType(CeremonyException.class, () -> rp.finish(answer));
        assertThat(e).isNotNull();
        assertThat(e.failure()).isIn(INVALID_REQUEST, CHALLENGE_NOT_FOUND);
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.test", "http://example.com", "https://example.com:8443",
            "https://login.example.com", "https://example.com.evil.test", "https://evilexample.com"})
    void originOtherThanTheListedOneIsRejected(String origin) {
        rejected(ORIGIN_MISMATCH, rp.signUpAnswer(authenticator, "alice").origin(origin));
    }

    @Test
    void crossOriginResponseIsRejected() {
        rejected(ORIGIN_MISMATCH, rp.signUpAnswer(authenticator, "alice").crossOrigin(true));
    }

    @Test
    void rpIdHashOfAnotherSiteIsRejected() {
        rejected(RP_ID_MISMATCH, rp.signUpAnswer(authenticator, "alice").rpIdHashOf("evil.test"));
    }

    @Test
    void userPresenceIsRequired() {
        rejected(USER_PRESENCE_REQUIRED, rp.signUpAnswer(authenticator, "alice").withoutFlag(UP));
    }

    @Test
    void userVerificationIsRequired() {
        rejected(USER_VERIFICATION_REQUIRED, rp.signUpAnswer(authenticator, "alice").withoutFlag(UV));
    }

    @Test
    void backupStateWithoutBackupEligibilityIsRejected() {
        rejected(INVALID_REQUEST, rp.signUpAnswer(authenticator, "alice")
                .flags(SoftwareAuthenticator.UP | UV | SoftwareAuthenticator.AT | SoftwareAuthenticator.BS));
    }

    @Test
    void algorithmThatWasNotOfferedIsRejected() {
        rejected(UNSUPPORTED_ALGORITHM, rp.signUpAnswer(SoftwareAuthenticator.create(Algorithm.ES384), "alice"));
    }

    @Test
    void credentialIdLongerThan1023BytesIsRejected() {
        SoftwareAuthenticator device = SoftwareAuthenticator.withCredentialId(SoftwareAuthenticator.random(1024));
        rejected(INVALID_REQUEST, rp.signUpAnswer(device, "alice"));
    }

    @Test
    void credentialIdOf1023BytesIsAccepted() {
        SoftwareAuthenticator device = SoftwareAuthenticator.withCredentialId(SoftwareAuthenticator.random(1023));
        assertThat(rp.signUp(device, "alice").credential().credentialId()).hasSize(1023);
    }

    @Test
    void rawIdOtherThanTheAttestedCredentialIsRejected() {
        rejected(INVALID_REQUEST, rp.signUpAnswer(authenticator, "alice").rawId(SoftwareAuthenticator.random(32)));
    }

    @Test
    void packedAttestationWithABadSignatureIsRejected() {
        SoftwareAuthenticator.Registration answer = rp.signUpAnswer(authenticator, "alice").format("packed");
        // The statement was signed over the first client data; what is sent differs.
        RegistrationResponse signed = answer.build();
        SoftwareAuthenticator.Registration other = rp.signUpAnswer(SoftwareAuthenticator.es256(), "bob").format("packed");
        RegistrationResponse spliced = new RegistrationResponse(
                signed.credentialId(), other.build().clientDataJSON(), signed.attestationObject(), signed.transports(),
                signed.clientExtensionsJSON());
        rp.expectMalformed(INVALID_REQUEST, () -> rp.registration.finishRegistration(
                new FinishRegistrationRequest(spliced, Optional.empty(), Optional.empty(), Optional.empty())));
        assertNothingStored();
    }

    @Test
    void clientDataThatIsNotJsonIsRejected() {
        rejectedMalformed(rp.signUpAnswer(authenticator, "alice").clientDataJSON("not json {"));
    }

    @Test
    void attestationObjectThatIsNotCborIsRejected() {
        SoftwareAuthenticator.Registration answer = rp.signUpAnswer(authenticator, "alice");
        RegistrationResponse good = answer.build();
        RegistrationResponse broken = new RegistrationResponse(
                good.credentialId(), good.clientDataJSON(), new byte[] {(byte) 0xbf, 0x61, 0x61},
                good.transports(), good.clientExtensionsJSON());
        rp.expectMalformed(INVALID_REQUEST, () -> rp.registration.finishRegistration(
                new FinishRegistrationRequest(broken, Optional.empty(), Optional.empty(), Optional.empty())));
        assertNothingStored();
    }

    @Test
    void credentialIdRegisteredToAnotherAccountIsRefusedAndLeftUntouched() {
        RegistrationResult first = rp.signUp(authenticator, "alice");

        CeremonyException e = rp.expectFailure(CREDENTIAL_ALREADY_REGISTERED,
                () -> rp.finish(rp.signUpAnswer(authenticator, "mallory")));

        assertThat(e.detail()).contains("use a different device", "scan the QR code with your phone");
        assertThat(rp.accounts.userCount()).isEqualTo(1);
        assertThat(rp.accounts.findById(authenticator.credentialId())).contains(first.credential());
    }

    @Test
    void takenUsernameIsRefusedAtOptions() {
        rp.signUp(authenticator, "alice");

        rp.expectFailure(USERNAME_TAKEN, () -> rp.registration.startSignUp(new SignUpRequest("ALICE", null, false)));
    }

    @Test
    void usernameTakenBetweenOptionsAndVerificationIsRefused() {
        SoftwareAuthenticator.Registration slow = rp.signUpAnswer(SoftwareAuthenticator.es256(), "alice");
        rp.signUp(authenticator, "alice");

        rp.expectFailure(USERNAME_TAKEN, () -> rp.finish(slow));
        assertThat(rp.accounts.userCount()).isEqualTo(1);
    }

    @Test
    void answerIsAcceptedJustInsideTheTimeToLive() {
        SoftwareAuthenticator.Registration answer = rp.signUpAnswer(authenticator, "alice");
        rp.clock.advance(Duration.ofMinutes(5).minusMillis(1));

        assertThat(rp.finish(answer).user().username()).isEqualTo("alice");
    }

    @Test
    void answerIsRejectedOnceTheTimeToLiveHasPassed() {
        SoftwareAuthenticator.Registration answer = rp.signUpAnswer(authenticator, "alice");
        rp.clock.advance(Duration.ofMinutes(5));

        rejected(CHALLENGE_NOT_FOUND, answer);
    }

    @Test
    void replayedAnswerIsRejected() {
        SoftwareAuthenticator.Registration answer = rp.signUpAnswer(authenticator, "alice");
        rp.finish(answer);

        rp.expectFailure(CHALLENGE_NOT_FOUND, () -> rp.finish(answer));
        assertThat(rp.accounts.userCount()).isEqualTo(1);
    }

    @Test
    void retryAfterAFailedAttemptIsRejected() {
        SoftwareAuthenticator.Registration answer = rp.signUpAnswer(authenticator, "alice");
        rejected(ORIGIN_MISMATCH, answer.origin("https://evil.test"));

        rejected(CHALLENGE_NOT_FOUND, answer.origin(CeremonyFixture.ORIGIN));
    }

    @Test
    void authenticationChallengeCannotCompleteARegistration() {
        String challenge = rp.authentication.startDiscoverable().challenge();
        rejected(CHALLENGE_NOT_FOUND, authenticator.register(CeremonyFixture.RP_ID, CeremonyFixture.ORIGIN,
                challenge, new byte[32]));
    }

    @Test
    void signUpIsRefusedWhenSelfServiceIsOff() {
        CeremonyFixture closed = new CeremonyFixture();
        RegistrationCeremony ceremony = new RegistrationCeremony(new CeremonyContext(closed.config.withSelfServiceRegistration(false),
                closed.challenges, closed.generator, closed.accounts, closed.accounts, closed.clock, AccountGroups.NONE,
                AuthenticatorMetadata.none()));

        closed.expectFailure(CeremonyFailure.UNAUTHENTICATED, () -> ceremony.startSignUp(new SignUpRequest("a", "a", false)));
    }

    private void rejected(CeremonyFailure failure, SoftwareAuthenticator.Registration answer) {
        rp.expectFailure(failure, () -> rp.finish(answer));
        assertNothingStored();
    }

    private void rejectedMalformed(SoftwareAuthenticator.Registration answer) {
        rp.expectMalformed(INVALID_REQUEST, () -> rp.finish(answer));
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(rp.accounts.userCount()).as("no account stored").isZero();
        assertThat(rp.accounts.credentialCount()).as("no credential stored").isZero();
    }
}
