package org.jpasskeys.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.ceremony.CeremonyFailure;
import org.jpasskeys.http.Problem;
import org.jpasskeys.revocation.SignIn;
import org.junit.jupiter.api.Test;

/** Adding or deleting passkeys needs a recent sign-in (SECURITY-CHECKLIST 59). */
class RecentSignInTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration RECENT = Duration.ofMinutes(15);
    private final PasskeyPrincipal caller = new PasskeyPrincipal(new SignIn("id", 0, "s-1", "k-1", SIGNED_IN),
            "alice", "Alice", "aal2", List.of("pop", "mfa"), Set.of("user"));
    private final PasskeyPrincipal byPassword = new PasskeyPrincipal(new SignIn("id", 0, "s-2", null, SIGNED_IN),
            "alice", "Alice", "aal1", List.of("pwd"), Set.of("user", "admin"));

    @Test
    void aSignInWithinTheAgeMayChangePasskeys() {
        assertThatCode(() -> caller.requireSignedInWithin(RECENT, SIGNED_IN.plus(RECENT))).doesNotThrowAnyException();
    }

    @Test
    void anOlderSignInMustBeConfirmedFirst() {
        CeremonyException e = catchThrowableOfType(CeremonyException.class,
                () -> caller.requireSignedInWithin(RECENT, SIGNED_IN.plus(RECENT).plusSeconds(1)));

        assertThat(e.failure()).isEqualTo(CeremonyFailure.REAUTHENTICATION_REQUIRED);
        Problem problem = Problem.of(e);
        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.code()).isEqualTo("reauthentication_required");
        assertThat(problem.detail()).contains("confirm it is you with a passkey");
    }

    @Test
    void anAdministratorsChangeNeedsARecentPasskeySignIn() {
        assertThatCode(() -> caller.requirePasskeySignInWithin(RECENT, SIGNED_IN.plus(RECENT)))
                .doesNotThrowAnyException();

        for (Runnable refused : List.<Runnable>of(
                () -> caller.requirePasskeySignInWithin(RECENT, SIGNED_IN.plus(RECENT).plusSeconds(1)),
                () -> byPassword.requirePasskeySignInWithin(RECENT, SIGNED_IN))) {
            CeremonyException e = catchThrowableOfType(CeremonyException.class, refused::run);
            assertThat(e.failure()).isEqualTo(CeremonyFailure.REAUTHENTICATION_REQUIRED);
            assertThat(e.detail()).contains("sign in again with your passkey");
        }
    }
}
