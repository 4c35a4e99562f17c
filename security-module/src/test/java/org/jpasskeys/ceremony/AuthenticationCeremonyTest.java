package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jpasskeys.ceremony.CeremonyFailure.AUTHENTICATION_FAILED;
import static org.jpasskeys.ceremony.CeremonyFailure.CHALLENGE_NOT_FOUND;
import static org.jpasskeys.ceremony.CeremonyFailure.INVALID_REQUEST;
import static org.jpasskeys.ceremony.CeremonyFailure.ORIGIN_MISMATCH;
import static org.jpasskeys.ceremony.CeremonyFailure.RP_ID_MISMATCH;
import static org.jpasskeys.ceremony.CeremonyFailure.USER_PRESENCE_REQUIRED;
import static org.jpasskeys.ceremony.CeremonyFailure.USER_VERIFICATION_REQUIRED;
import static org.jpasskeys.testing.SoftwareAuthenticator.BE;
import static org.jpasskeys.testing.SoftwareAuthenticator.ED;
import static org.jpasskeys.testing.SoftwareAuthenticator.UP;
import static org.jpasskeys.testing.SoftwareAuthenticator.UV;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jpasskeys.assurance.AccountGroups;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.revocation.AccountStanding;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.jpasskeys.testing.SoftwareAuthenticator.Algorithm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationCeremonyTest {

    private final CeremonyFixture rp = new CeremonyFixture();
    private final SoftwareAuthenticator alicesPhone = SoftwareAuthenticator.es256();
    private RegistrationResult alice;

    @BeforeEach
    void signUpAlice() {
        alice = rp.signUp(alicesPhone, "alice");
    }

    @Test
    void discoverableOptionsHaveNoAllowList() {
        PublicKeyCredentialRequestOptions options = rp.authentication.startDiscoverable();

        assertThat(options.allowCredentials()).isEmpty();
        assertThat(options.rpId()).isEqualTo(CeremonyFixture.RP_ID);
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(rp.challenges.pendingCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"ES256", "EDDSA", "RS256"})
    void signInResolvesTheAccountFromTheUserHandle(Algorithm algorithm) {
        SoftwareAuthenticator device = SoftwareAuthenticator.create(algorithm);
        RegistrationResult bob = rp.signUp(device, "bob");
        rp.clock.advance(Duration.ofSeconds(30));

        AssertionResult result = rp.authentication.finishAssertion(rp.signInAnswer(device).build());

        assertThat(result.user()).isEqualTo(bob.user());
        assertThat(result.signCount()).isEqualTo(1);
        StoredCredential stored = rp.accounts.findById(device.credentialId()).orElseThrow();
        assertThat(stored.signCount()).isEqualTo(1);
        assertThat(stored.lastUsedAt()).contains(rp.clock.instant());
        assertThat(rp.challenges.pendingCount()).isZero();
    }

    @Test
    void authenticatorWithoutCounterSignsInRepeatedly() {
        SoftwareAuthenticator device = SoftwareAuthenticator.es256().withoutCounter();
        rp.signUp(device, "bob");

        rp.authentication.finishAssertion(rp.signInAnswer(device).build());
        AssertionResult second = rp.authentication.finishAssertion(rp.signInAnswer(device).build());

        assertThat(second.signCount()).isZero();
    }

    @Test
    void backupStateIsUpdated() {
        SoftwareAuthenticator device = SoftwareAuthenticator.es256().synced();
        rp.signUp(device, "bob");

        rp.authentication.finishAssertion(rp.signInAnswer(device).flags(UP | UV | BE).build());

        assertThat(rp.accounts.findById(device.credentialId()).orElseThrow().backedUp()).isFalse();
    }

    @Test
    void aCounterAboveTwoToTheThirtyOneIsReadUnsigned() {
        alicesPhone.setSignCount(0xFFFF_FFF0L);

        AssertionResult result = rp.authentication.finishAssertion(rp.signInAnswer(alicesPhone).build());

        assertThat(result.signCount()).isEqualTo(0xFFFF_FFF1L);
        assertThat(rp.accounts.findById(alicesPhone.credentialId()).orElseThrow().signCount()).isEqualTo(0xFFFF_FFF1L);
    }

    @Test
    void authenticatorExtensionOutputsAreDecodedAndSignedOver() {
        byte[] unknownExtension = {(byte) 0xa1, 0x63, 'e', 'x', 't', (byte) 0xf5}; // {"ext": true}

        AssertionResult result = rp.authentication.finishAssertion(rp.signInAnswer(alicesPhone)
                .flags(UP | UV | ED).authenticatorExtensions(unknownExtension).build());

        assertThat(result.user()).isEqualTo(alice.user());
    }

    @Test
    void bytesAfterTheCounterWithoutTheExtensionFlagAreRefused() {
        malformed(rp.signInAnswer(alicesPhone).authenticatorExtensions(new byte[] {(byte) 0xa0}));
    }

    @Test
    void extensionFlagWithSomethingOtherThanAMapIsRefused() {
        malformed(rp.signInAnswer(alicesPhone).flags(UP | UV | ED).authenticatorExtensions(new byte[] {0x01}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"webauthn.create", "", "webauthn.GET"})
    void wrongClientDataTypeIsRejected(String type) {
        rejected(INVALID_REQUEST, rp.signInAnswer(alicesPhone).type(type));
    }

    @Test
    void challengeThatWasNeverIssuedIsRejected() {
        rejected(CHALLENGE_NOT_FOUND, alicesPhone.authenticate(CeremonyFixture.RP_ID, CeremonyFixture.ORIGIN,
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }

    @Test
    void registrationChallengeCannotCompleteASignIn() {
        String challenge = rp.registration.startSignUp(new SignUpRequest("carol", null, false)).challenge();
        rejected(CHALLENGE_NOT_FOUND, alicesPhone.authenticate(CeremonyFixture.RP_ID, CeremonyFixture.ORIGIN,
                challenge));
    }

    @Test
    void theRelyingPartysAndroidAppSignsIn() {
        AssertionResult result = rp.authentication.finishAssertion(rp.signInAnswer(alicesPhone)
                .origin(CeremonyFixture.ANDROID_APP).build());

        assertThat(result.user().username()).isEqualTo("alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.test", "http://example.com", "https://example.com:8443",
            "https://login.example.com", "https://example.com.evil.test", "https://evilexample.com",
            "android:apk-key-hash:YYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYY"})
    void originOtherThanTheListedOneIsRejected(String origin) {
        rejected(ORIGIN_MISMATCH, rp.signInAnswer(alicesPhone).origin(origin));
    }

    @Test
    void crossOriginResponseIsRejected() {
        rejected(ORIGIN_MISMATCH, rp.signInAnswer(alicesPhone).crossOrigin(true));
    }

    @Test
    void rpIdHashOfAnotherSiteIsRejected() {
        rejected(RP_ID_MISMATCH, rp.signInAnswer(alicesPhone).rpIdHashOf("evil.test"));
    }

    @Test
    void userPresenceIsRequired() {
        rejected(USER_PRESENCE_REQUIRED, rp.signInAnswer(alicesPhone).withoutFlag(UP));
    }

    @Test
    void userVerificationIsRequired() {
        rejected(USER_VERIFICATION_REQUIRED, rp.signInAnswer(alicesPhone).withoutFlag(UV));
    }

    @Test
    void backupEligibilityDifferentFromTheStoredOneIsRejected() {
        rejected(AUTHENTICATION_FAILED, rp.signInAnswer(alicesPhone).flags(UP | UV | BE));
    }

    @Test
    void bitFlippedSignatureIsRejected() {
        rejected(AUTHENTICATION_FAILED, rp.signInAnswer(alicesPhone).editSignature(s -> {
            s[s.length - 1] ^= 1;
            return s;
        }));
    }

    @Test
    void emptySignatureIsRejected() {
        rejected(AUTHENTICATION_FAILED, rp.signInAnswer(alicesPhone).editSignature(s -> new byte[0]));
    }

    @Test
    void signatureThatIsNotDerIsRejected() {
        // 64 raw bytes (r || s, the IEEE P1363 form) where WebAuthn requires an ASN.1 DER ECDSA signature.
        rejected(AUTHENTICATION_FAILED, rp.signInAnswer(alicesPhone).editSignature(s -> SoftwareAuthenticator.random(64)));
    }

    @Test
    void es256SignatureWithZeroRAndSIsRejected() {
        // CVE-2022-21449 ("psychic signatures"): DER SEQUENCE { INTEGER 0, INTEGER 0 }.
        rejected(AUTHENTICATION_FAILED, rp.signInAnswer(alicesPhone)
                .editSignature(s -> new byte[] {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00}));
    }

    @Test
    void signatureMadeWithAnotherKeyIsRejected() {
        SoftwareAuthenticator impostor = SoftwareAuthenticator.withCredentialId(alicesPhone.credentialId());
        impostor.register(CeremonyFixture.RP_ID, CeremonyFixture.ORIGIN, "x", alice.user().userHandle());
        rejected(AUTHENTICATION_FAILED, rp.signInAnswer(impostor));
    }

    @Test
    void clientDataEditedAfterSigningIsRejected() {
        SoftwareAuthenticator.Assertion answer = rp.signInAnswer(alicesPhone);
        AuthenticationResponse signed = answer.build();
        String edited = new String(signed.clientDataJSON()).replace("}", ",\"extra\":1}");
        AuthenticationResponse tampered = new AuthenticationResponse(signed.credentialId(), edited.getBytes(),
                signed.authenticatorData(), signed.signature(), signed.userHandle(), Optional.empty());
        assertThat(catchFailure(tampered)).isEqualTo(AUTHENTICATION_FAILED);
        assertUnchanged();
    }

    @Test
    void unknownCredentialGetsTheSameAnswerAsABadSignature() {
        SoftwareAuthenticator stranger = SoftwareAuthenticator.es256();
        stranger.register(CeremonyFixture.RP_ID, CeremonyFixture.ORIGIN, "x", alice.user().userHandle());

        CeremonyException unknown = rp.expectFailure(AUTHENTICATION_FAILED,
                () -> rp.authentication.finishAssertion(rp.signInAnswer(stranger).build()));
        CeremonyException badSignature = rp.expectFailure(AUTHENTICATION_FAILED,
                () -> rp.authentication.finishAssertion(rp.signInAnswer(alicesPhone)
                        .editSignature(s -> new byte[0]).build()));

        assertThat(unknown.detail()).isEqualTo(badSignature.detail());
        assertThat(unknown.auditReason()).isEqualTo("unknown credential");
        assertUnchanged();
    }

    @Test
    void unknownUserHandleIsRejected() {
        CeremonyException e = rp.expectFailure(AUTHENTICATION_FAILED, () -> rp.authentication.finishAssertion(
                rp.signInAnswer(alicesPhone).userHandle(Optional.of(SoftwareAuthenticator.random(32))).build()));

        assertThat(e.auditReason()).isEqualTo("user handle is not that of the credential's account");
        assertUnchanged();
    }

    @Test
    void aDisabledAccountsPasskeyIsRefusedAndNothingIsStored() {
        rp.accounts.disable(alice.user().id());

        CeremonyException e = rp.expectFailure(AUTHENTICATION_FAILED,
                () -> rp.authentication.finishAssertion(rp.signInAnswer(alicesPhone).build()));

        assertThat(e.auditReason()).isEqualTo("account disabled");
        assertUnchanged();
    }

    @Test
    void onlyThePasskeysHolderLearnsThatTheAccountIsDisabled() {
        rp.accounts.disable(alice.user().id());

        CeremonyException e = rp.expectFailure(AUTHENTICATION_FAILED, () -> rp.authentication.finishAssertion(
                rp.signInAnswer(alicesPhone).editSignature(s -> new byte[0]).build()));

        assertThat(e.auditReason()).isNotEqualTo("account disabled");
        assertUnchanged();
    }

    @Test
    void aSignInCarriesTheAccountsSessionEpochAsRead() {
        assertThat(rp.authentication.finishAssertion(rp.signInAnswer(alicesPhone).build()).sessionEpoch())
                .isEqualTo(AccountStanding.FIRST_SESSION_EPOCH);
    }

    @Test
    void credentialOfOneAccountPresentedWithAnotherAccountsUserHandleIsRejected() {
        RegistrationResult bob = rp.signUp(SoftwareAuthenticator.es256(), "bob");

        CeremonyException e = rp.expectFailure(AUTHENTICATION_FAILED, () -> rp.authentication.finishAssertion(
                rp.signInAnswer(alicesPhone).userHandle(Optional.of(bob.user().userHandle())).build()));

        assertThat(e.auditReason()).isEqualTo("user handle is not that of the credential's account");
        assertUnchanged();
    }

    @Test
    void missingUserHandleIsRejected() {
        rejected(INVALID_REQUEST, rp.signInAnswer(alicesPhone).userHandle(Optional.empty()));
    }

    @Test
    void emptyUserHandleIsRejected() {
        rejected(INVALID_REQUEST, rp.signInAnswer(alicesPhone).userHandle(Optional.of(new byte[0])));
    }

    @Test
    void userHandleOver64BytesIsRejected() {
        rejected(INVALID_REQUEST, rp.signInAnswer(alicesPhone).userHandle(Optional.of(new byte[65])));
    }

    @Test
    void aDatabaseFailureAtTheCounterUpdateGivesNoResultAndIsNoRefusal() {
        CredentialRepository failing = (CredentialRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CredentialRepository.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("recordSignIn")) {
                        throw new IllegalStateException("connection to the database lost");
                    }
                    return method.invoke(rp.accounts, arguments);
                });
        AuthenticationCeremony ceremony = new AuthenticationCeremony(new CeremonyContext(rp.config, rp.challenges,
                rp.generator, rp.accounts, failing, rp.clock, AccountGroups.NONE,
                AuthenticatorMetadata.none()), rp.decoys);
        var answer = rp.signInAnswer(alicesPhone).build();

        // Not a CeremonyException: the endpoint answers 500 internal_error, and no token is ever issued.
        assertThatThrownBy(() -> ceremony.finishAssertion(answer)).isExactlyInstanceOf(IllegalStateException.class);
        assertThat(rp.challenges.pendingCount()).as("the challenge is used up").isZero();
        assertThat(rp.accounts.findById(alicesPhone.credentialId()).orElseThrow().signCount()).isZero();
    }

    @Test
    void aPasskeyRemovedBetweenItsReadAndItsUpdateIsRefusedWithoutSuspectingAClone() {
        CredentialRepository removing = (CredentialRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CredentialRepository.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("recordSignIn")) {
                        rp.accounts.delete(alice.user().id(), alicesPhone.credentialId(), false);
                    }
                    return method.invoke(rp.accounts, arguments);
                });
        AuthenticationCeremony ceremony = new AuthenticationCeremony(new CeremonyContext(rp.config, rp.challenges,
                rp.generator, rp.accounts, removing, rp.clock, AccountGroups.NONE,
                AuthenticatorMetadata.none()), rp.decoys);
        var answer = rp.signInAnswer(alicesPhone).build();

        CeremonyException e = rp.expectFailure(AUTHENTICATION_FAILED, () -> ceremony.finishAssertion(answer));

        assertThat(e.auditReason()).isEqualTo("passkey removed during the sign-in");
        assertThat(e.cloneSuspected()).isFalse();
    }

    @Test
    void counterThatDoesNotAdvanceIsRejectedAndTheStoredValueKept() {
        rp.authentication.finishAssertion(rp.signInAnswer(alicesPhone).build());
        alicesPhone.setSignCount(0);

        rp.expectFailure(AUTHENTICATION_FAILED,
                () -> rp.authentication.finishAssertion(rp.signInAnswer(alicesPhone).build()));

        assertThat(rp.accounts.findById(alicesPhone.credentialId()).orElseThrow().signCount()).isEqualTo(1);
    }

    @Test
    void clientDataThatIsNotJsonIsRejected() {
        rp.expectMalformed(INVALID_REQUEST, () -> rp.authentication.finishAssertion(
                rp.signInAnswer(alicesPhone).clientDataJSON("\u0000\u0001").build()));
        assertUnchanged();
    }

    @Test
    void replayedAssertionIsRejected() {
        AuthenticationResponse answer = rp.signInAnswer(alicesPhone).build();
        rp.authentication.finishAssertion(answer);

        assertThat(catchFailure(answer)).isEqualTo(CHALLENGE_NOT_FOUND);
        assertThat(rp.accounts.findById(alicesPhone.credentialId()).orElseThrow().signCount()).isEqualTo(1);
    }

    @Test
    void retryAfterAFailedAttemptIsRejected() {
        SoftwareAuthenticator.Assertion answer = rp.signInAnswer(alicesPhone);
        rejected(ORIGIN_MISMATCH, answer.origin("https://evil.test"));

        rejected(CHALLENGE_NOT_FOUND, answer.origin(CeremonyFixture.ORIGIN));
    }

    @Test
    void answerIsRejectedOnceTheTimeToLiveHasPassed() {
        SoftwareAuthenticator.Assertion answer = rp.signInAnswer(alicesPhone);
        rp.clock.advance(Duration.ofMinutes(5));

        rejected(CHALLENGE_NOT_FOUND, answer);
    }

    @Test
    void parallelSubmissionsOfOneAssertionSucceedExactlyOnce() throws Exception {
        AuthenticationResponse answer = rp.signInAnswer(alicesPhone).build();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<Boolean> attempt = () -> {
                start.await();
                try {
                    rp.authentication.finishAssertion(answer);
                    return true;
                } catch (CeremonyException e) {
                    return false;
                }
            };
            outcomes.add(pool.submit(attempt));
        }
        start.countDown();
        int successes = 0;
        for (Future<Boolean> outcome : outcomes) {
            successes += outcome.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(successes).isEqualTo(1);
    }

    private void rejected(CeremonyFailure failure, SoftwareAuthenticator.Assertion answer) {
        rp.expectFailure(failure, () -> rp.authentication.finishAssertion(answer.build()));
        assertUnchanged();
    }

    private void malformed(SoftwareAuthenticator.Assertion answer) {
        rp.expectMalformed(INVALID_REQUEST, () -> rp.authentication.finishAssertion(answer.build()));
        assertUnchanged();
    }

    private CeremonyFailure catchFailure(SoftwareAuthenticator.Assertion answer) {
        return catchFailure(answer.build());
    }

    private CeremonyFailure catchFailure(AuthenticationResponse response) {
        try {
            rp.authentication.finishAssertion(response);
            return null;
        } catch (CeremonyException e) {
            return e.failure();
        }
    }

    /** Alice's passkey is as it was registered: counter, flags and last use untouched. */
    private void assertUnchanged() {
        assertThat(rp.accounts.findById(alicesPhone.credentialId())).contains(alice.credential());
    }
}
