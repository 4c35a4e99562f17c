package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpasskeys.ceremony.CeremonyFailure.AUTHENTICATION_FAILED;

import java.util.Optional;

import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in with an allow-list: username-first (real allow-lists for accounts, stable decoys for everyone else)
 * and step-up of a signed-in caller.
 */
class UsernameFirstSignInTest {

    private final CeremonyFixture rp = new CeremonyFixture();
    private final SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();
    private RegistrationResult alice;

    @BeforeEach
    void signUpAlice() {
        alice = rp.signUp(laptop, "alice");
    }

    @Test
    void optionsListTheAccountsPasskeys() {
        PublicKeyCredentialRequestOptions options = rp.authentication.startWithUsername(" Alice ");

        assertThat(options.allowCredentials()).singleElement()
                .satisfies(d -> assertThat(d.id()).isEqualTo(laptop.credentialId()));
    }

    @Test
    void anUnknownUsernameGetsOptionsOfTheSameShapeWithStableDecoys() {
        PublicKeyCredentialRequestOptions known = rp.authentication.startWithUsername("alice");
        PublicKeyCredentialRequestOptions first = rp.authentication.startWithUsername("nobody");
        PublicKeyCredentialRequestOptions second = rp.authentication.startWithUsername("NOBODY");
        PublicKeyCredentialRequestOptions other = rp.authentication.startWithUsername("someone-else");

        assertThat(first.allowCredentials()).hasSameSizeAs(known.allowCredentials());
        assertThat(first.allowCredentials().get(0).id()).hasSameSizeAs(known.allowCredentials().get(0).id());
        assertThat(first.allowCredentials().get(0).transports())
                .isEqualTo(known.allowCredentials().get(0).transports());
        assertThat(second.allowCredentials().get(0).id()).isEqualTo(first.allowCredentials().get(0).id());
        assertThat(other.allowCredentials().get(0).id()).isNotEqualTo(first.allowCredentials().get(0).id());
        assertThat(first.challenge()).isNotEqualTo(second.challenge());
    }

    @Test
    void theAccountsPasskeySignsInEvenWithoutAUserHandle() {
        String challenge = rp.authentication.startWithUsername("alice").challenge();

        AssertionResult result = rp.authentication.finishAssertion(laptop.authenticate(CeremonyFixture.RP_ID,
                CeremonyFixture.ORIGIN, challenge).userHandle(Optional.empty()).build());

        assertThat(result.user()).isEqualTo(alice.user());
    }

    @Test
    void anotherAccountsPasskeyCannotAnswerOptionsIssuedForAlice() {
        SoftwareAuthenticator bobs = SoftwareAuthenticator.es256();
        rp.signUp(bobs, "bob");
        String challenge = rp.authentication.startWithUsername("alice").challenge();

        CeremonyException e = rp.expectFailure(AUTHENTICATION_FAILED, () -> rp.authentication.finishAssertion(
                bobs.authenticate(CeremonyFixture.RP_ID, CeremonyFixture.ORIGIN, challenge).build()));

        assertThat(e.auditReason()).contains("another account");
    }

    @Test
    void stepUpOptionsListOnlyTheCallersPasskeysAndOnlyTheyAnswer() {
        SoftwareAuthenticator bobs = SoftwareAuthenticator.es256();
        rp.signUp(bobs, "bob");

        PublicKeyCredentialRequestOptions options = rp.authentication.startStepUp(alice.user().id());
        assertThat(options.allowCredentials()).singleElement()
                .satisfies(d -> assertThat(d.id()).isEqualTo(laptop.credentialId()));
        rp.expectFailure(AUTHENTICATION_FAILED, () -> rp.authentication.finishAssertion(
                bobs.authenticate(CeremonyFixture.RP_ID, CeremonyFixture.ORIGIN, options.challenge()).build()));

        String again = rp.authentication.startStepUp(alice.user().id()).challenge();
        assertThat(rp.authentication.finishAssertion(laptop.authenticate(CeremonyFixture.RP_ID,
                CeremonyFixture.ORIGIN, again).build()).user()).isEqualTo(alice.user());
    }

    @Test
    void decoyOptionsCannotBeAnsweredByAnyPasskey() {
        String challenge = rp.authentication.startWithUsername("nobody").challenge();

        rp.expectFailure(AUTHENTICATION_FAILED, () -> rp.authentication.finishAssertion(
                laptop.authenticate(CeremonyFixture.RP_ID, CeremonyFixture.ORIGIN, challenge).build()));
        assertThat(rp.accounts.findById(laptop.credentialId())).contains(alice.credential());
    }

    @Test
    void stepUpIsRefusedForAnAccountWithoutPasskeysRatherThanOfferingAnyPasskey() {
        var carol = rp.registration.createAccount(new SignUpRequest("carol", "Carol", false));

        CeremonyException e = rp.expectMalformed(CeremonyFailure.REAUTHENTICATION_REQUIRED,
                () -> rp.authentication.startStepUp(carol.id()));

        assertThat(e.detail()).contains("sign in again");
        assertThat(rp.challenges.pendingCount()).isZero();
    }
}
