package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;

import org.jpasskeys.credential.OtherSignInMethods;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasskeyManagementTest {

    private final CeremonyFixture rp = new CeremonyFixture();
    private final PasskeyManagement management = new PasskeyManagement(rp.context, OtherSignInMethods.NONE);
    private final SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();
    private final SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
    private RegistrationResult alice;
    private RegistrationResult bob;

    @BeforeEach
    void accounts() {
        alice = rp.signUp(laptop, "alice");
        rp.clock.advance(java.time.Duration.ofSeconds(1));
        rp.finishAs(Optional.of(alice.user().id()), rp.addPasskeyAnswer(phone, alice));
        bob = rp.signUp(SoftwareAuthenticator.es256(), "bob");
    }

    @Test
    void listShowsOnlyTheCallersPasskeysOldestFirst() {
        assertThat(management.list(alice.user().id())).extracting(c -> c.credentialIdBase64Url())
                .containsExactly(laptop.credentialIdBase64Url(), phone.credentialIdBase64Url());
    }

    @Test
    void renameChangesTheNameOnly() {
        var renamed = management.rename(alice.user().id(), phone.credentialIdBase64Url(), "  Work phone ");

        assertThat(renamed.name()).isEqualTo("Work phone");
        assertThat(renamed.credentialId()).isEqualTo(phone.credentialId());
    }

    @Test
    void anotherAccountsPasskeyCannotBeRenamedOrDeleted() {
        assertThat(failure(() -> management.rename(bob.user().id(), phone.credentialIdBase64Url(), "mine")))
                .isEqualTo(CeremonyFailure.NOT_FOUND);
        assertThat(failure(() -> management.delete(bob.user().id(), phone.credentialIdBase64Url())))
                .isEqualTo(CeremonyFailure.NOT_FOUND);
        assertThat(management.list(alice.user().id())).hasSize(2)
                .allSatisfy(c -> assertThat(c.name()).isEqualTo(RegistrationCeremony.DEFAULT_PASSKEY_NAME));
    }

    @Test
    void unknownOrMalformedIdsAreNotFound() {
        assertThat(failure(() -> management.delete(alice.user().id(), "AAAA"))).isEqualTo(CeremonyFailure.NOT_FOUND);
        assertThat(failure(() -> management.delete(alice.user().id(), "not+base64/"))).isEqualTo(CeremonyFailure.NOT_FOUND);
    }

    @Test
    void deleteRemovesThePasskeyButNeverTheLastOne() {
        management.delete(alice.user().id(), phone.credentialIdBase64Url());

        assertThat(management.list(alice.user().id())).hasSize(1);
        assertThat(failure(() -> management.delete(alice.user().id(), laptop.credentialIdBase64Url())))
                .isEqualTo(CeremonyFailure.LAST_CREDENTIAL);
        assertThat(management.list(alice.user().id())).hasSize(1);
    }

    @Test
    void aDeletedPasskeyNoLongerSignsIn() {
        management.delete(alice.user().id(), phone.credentialIdBase64Url());

        assertThat(failure(() -> rp.authentication.finishAssertion(rp.signInAnswer(phone).build())))
                .isEqualTo(CeremonyFailure.AUTHENTICATION_FAILED);
    }

    @Test
    void emptyOrControlCharacterNamesAreRefused() {
        assertThat(failure(() -> management.rename(alice.user().id(), phone.credentialIdBase64Url(), " ")))
                .isEqualTo(CeremonyFailure.INVALID_REQUEST);
        assertThat(failure(() -> management.rename(alice.user().id(), phone.credentialIdBase64Url(), "a\u0000b")))
                .isEqualTo(CeremonyFailure.INVALID_REQUEST);
    }

    private static CeremonyFailure failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        CeremonyException e = catchThrowableOfType(CeremonyException.class, call);
        return e == null ? null : e.failure();
    }
}
