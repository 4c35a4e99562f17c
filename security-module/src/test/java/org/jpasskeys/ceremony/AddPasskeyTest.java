package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpasskeys.ceremony.CeremonyFailure.CHALLENGE_NOT_FOUND;
import static org.jpasskeys.ceremony.CeremonyFailure.CREDENTIAL_ALREADY_REGISTERED;
import static org.jpasskeys.ceremony.CeremonyFailure.CREDENTIAL_LIMIT_REACHED;

import java.util.Optional;

import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A signed-in person adds passkeys on this and other devices. */
class AddPasskeyTest {

    private final CeremonyFixture rp = new CeremonyFixture();
    private final SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();
    private RegistrationResult alice;

    @BeforeEach
    void signUpAlice() {
        alice = rp.signUp(laptop, "alice");
    }

    @Test
    void optionsExcludeTheAccountsPasskeysAndKeepItsUserHandle() {
        PublicKeyCredentialCreationOptions options = rp.registration.startAddPasskey(
                new AddPasskeyRequest(alice.user().id(), false));

        assertThat(options.excludeCredentials()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(laptop.credentialId());
            assertThat(d.transports()).containsExactlyInAnyOrder("internal", "hybrid");
        });
        assertThat(options.userHandle()).isEqualTo(alice.user().userHandle());
        assertThat(options.userName()).isEqualTo("alice");
        assertThat(options.hints()).isEmpty();
        assertThat(options.authenticatorAttachment()).isEmpty();
    }

    @Test
    void crossDeviceOptionsAskForThePhoneQrCode() {
        PublicKeyCredentialCreationOptions options = rp.registration.startAddPasskey(
                new AddPasskeyRequest(alice.user().id(), true));

        assertThat(options.hints()).containsExactly("hybrid");
        assertThat(options.authenticatorAttachment()).contains("cross-platform");
    }

    @Test
    void aSecondDeviceIsAddedAndThenSignsInAlone() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();

        RegistrationResult added = rp.finishAs(Optional.of(alice.user().id()), rp.addPasskeyAnswer(phone, alice));

        assertThat(added.newAccount()).isFalse();
        assertThat(added.user()).isEqualTo(alice.user());
        assertThat(rp.accounts.findByUserId(alice.user().id())).hasSize(2);
        AssertionResult signIn = rp.authentication.finishAssertion(rp.signInAnswer(phone).build());
        assertThat(signIn.user()).isEqualTo(alice.user());
        assertThat(signIn.credential().credentialId()).isEqualTo(phone.credentialId());
    }

    @Test
    void theSameDeviceTwiceIsRefusedWithGuidance() {
        CeremonyException e = rp.expectFailure(CREDENTIAL_ALREADY_REGISTERED, () -> rp.finishAs(
                Optional.of(alice.user().id()), rp.addPasskeyAnswer(laptop, alice)));

        assertThat(e.detail()).contains("use a different device", "scan the QR code with your phone");
        assertThat(rp.accounts.findByUserId(alice.user().id())).containsExactly(alice.credential());
    }

    @Test
    void optionsOfOneAccountCannotBeCompletedByAnotherCaller() {
        RegistrationResult bob = rp.signUp(SoftwareAuthenticator.es256(), "bob");
        SoftwareAuthenticator.Registration alicesOptions = rp.addPasskeyAnswer(SoftwareAuthenticator.es256(), alice);

        rp.expectFailure(CHALLENGE_NOT_FOUND, () -> rp.finishAs(Optional.of(bob.user().id()), alicesOptions));
        assertThat(rp.accounts.findByUserId(alice.user().id())).hasSize(1);
        assertThat(rp.accounts.findByUserId(bob.user().id())).hasSize(1);
    }

    @Test
    void optionsOfAnAccountCannotBeCompletedAnonymously() {
        SoftwareAuthenticator.Registration alicesOptions = rp.addPasskeyAnswer(SoftwareAuthenticator.es256(), alice);

        rp.expectFailure(CHALLENGE_NOT_FOUND, () -> rp.finish(alicesOptions));
        assertThat(rp.accounts.findByUserId(alice.user().id())).hasSize(1);
    }

    @Test
    void theEleventhPasskeyIsRefused() {
        for (int i = 1; i < rp.config.maxCredentialsPerUser(); i++) {
            rp.finishAs(Optional.of(alice.user().id()), rp.addPasskeyAnswer(SoftwareAuthenticator.es256(), alice));
        }
        assertThat(rp.accounts.findByUserId(alice.user().id())).hasSize(10);

        rp.expectFailure(CREDENTIAL_LIMIT_REACHED, () -> rp.registration.startAddPasskey(
                new AddPasskeyRequest(alice.user().id(), false)));
        assertThat(rp.accounts.findByUserId(alice.user().id())).hasSize(10);
    }

    @Test
    void optionsIssuedBeforeTheLimitWasReachedAreRefusedAtVerification() {
        SoftwareAuthenticator.Registration early = rp.addPasskeyAnswer(SoftwareAuthenticator.es256(), alice);
        for (int i = 1; i < rp.config.maxCredentialsPerUser(); i++) {
            rp.finishAs(Optional.of(alice.user().id()), rp.addPasskeyAnswer(SoftwareAuthenticator.es256(), alice));
        }

        rp.expectFailure(CREDENTIAL_LIMIT_REACHED, () -> rp.finishAs(Optional.of(alice.user().id()), early));
        assertThat(rp.accounts.findByUserId(alice.user().id())).hasSize(10);
    }
}
