package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jpasskeys.ceremony.CeremonyFailure.INVALID_REQUEST;
import static org.jpasskeys.ceremony.CeremonyFailure.USERNAME_TAKEN;

import java.util.Optional;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jpasskeys.credential.OtherSignInMethods;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

/** An account signed up with a password first: it follows the sign-up rules and can add passkeys later. */
class AccountWithoutPasskeyTest {

    private final CeremonyFixture rp = new CeremonyFixture();

    @Test
    void anAccountCreatedWithoutPasskeyAddsOneAndSignsInWithIt() {
        UserAccount carol = rp.registration.createAccount(new SignUpRequest("  Carol ", "Carol C.", false));
        SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();
        PublicKeyCredentialCreationOptions options = rp.registration.startAddPasskey(
                new AddPasskeyRequest(carol.id(), false));

        assertThat(carol.username()).isEqualTo("carol");
        assertThat(carol.userHandle()).hasSize(RegistrationCeremony.USER_HANDLE_BYTES);
        assertThat(options.excludeCredentials()).isEmpty();
        RegistrationResult added = rp.finishAs(Optional.of(carol.id()),
                laptop.register(CeremonyFixture.RP_ID, CeremonyFixture.ORIGIN, options.challenge(), options.userHandle()));
        assertThat(added.newAccount()).isFalse();
        assertThat(rp.authentication.finishAssertion(rp.signInAnswer(laptop).build()).user()).isEqualTo(carol);
    }

    @Test
    void aTakenOrInvalidUsernameCreatesNothing() {
        rp.signUp(SoftwareAuthenticator.es256(), "alice");

        assertThat(failure(() -> rp.registration.createAccount(new SignUpRequest("Alice", "A", false))))
                .isEqualTo(USERNAME_TAKEN);
        assertThat(failure(() -> rp.registration.createAccount(new SignUpRequest("a\u0000b", "A", false))))
                .isEqualTo(INVALID_REQUEST);
        assertThat(rp.accounts.findByUsername("a\u0000b")).isEmpty();
    }

    @Test
    void theLastPasskeyMayGoWhenTheAccountHasAnotherWayIn() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();
        RegistrationResult alice = rp.signUp(laptop, "alice");
        PasskeyManagement withPassword = new PasskeyManagement(rp.context, account -> account.username().equals("alice"));
        PasskeyManagement passkeysOnly = new PasskeyManagement(rp.context, OtherSignInMethods.NONE);

        assertThat(failure(() -> passkeysOnly.delete(alice.user().id(), laptop.credentialIdBase64Url())))
                .isEqualTo(CeremonyFailure.LAST_CREDENTIAL);
        withPassword.delete(alice.user().id(), laptop.credentialIdBase64Url());

        assertThat(rp.accounts.findByUserId(alice.user().id())).isEmpty();
    }

    private static CeremonyFailure failure(ThrowingCallable call) {
        return catchThrowableOfType(CeremonyException.class, call).failure();
    }
}
