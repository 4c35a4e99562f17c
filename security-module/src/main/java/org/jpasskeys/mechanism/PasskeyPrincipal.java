package org.jpasskeys.mechanism;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.security.enterprise.CallerPrincipal;
import org.jpasskeys.assurance.PasskeyAssurance;
import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.ceremony.CeremonyFailure;
import org.jpasskeys.revocation.SignIn;

/**
 * The signed-in caller, by passkey or by an application's password store: named by username, with the
 * account id and how they authenticated.
 * Applications read it with {@code SecurityContext.getPrincipalsByType(PasskeyPrincipal.class)}.
 */
public final class PasskeyPrincipal extends CallerPrincipal {

    // 3: with the sign-in (its id and passkey); a session kept from before it does not load (and signs in again).
    private static final long serialVersionUID = 3L;

    private final SignIn signIn;
    private final String displayName;
    private final String acr;
    private final List<String> amr;
    private final Set<String> groups;

    /** @param signIn the sign-in this caller comes from: ending it (or revoking the account's) voids the caller */
    public PasskeyPrincipal(SignIn signIn, String username, String displayName, String acr, List<String> amr,
                            Set<String> groups) {
        super(Objects.requireNonNull(username));
        this.signIn = Objects.requireNonNull(signIn);
        this.displayName = Objects.requireNonNull(displayName);
        this.acr = Objects.requireNonNull(acr);
        this.amr = List.copyOf(amr);
        this.groups = Set.copyOf(groups);
    }

    /** The same caller in its own groups and in {@code more} as well. */
    public PasskeyPrincipal alsoIn(Collection<String> more) {
        Set<String> all = new HashSet<>(groups);
        all.addAll(more);
        return withGroups(all);
    }

    /** The same caller in {@code groups} (e.g. as the identity stores resolved them at sign-in). */
    public PasskeyPrincipal withGroups(Set<String> groups) {
        return new PasskeyPrincipal(signIn, getName(), displayName, acr, amr, groups);
    }

    public String userId() {
        return signIn.userId();
    }

    /** The sign-in this caller comes from, with the passkey that made it. */
    public SignIn signIn() {
        return signIn;
    }

    public String displayName() {
        return displayName;
    }

    public Instant authTime() {
        return signIn.at();
    }

    /** The account's session epoch when the caller signed in (see {@code AccountStanding}). */
    public long sessionEpoch() {
        return signIn.sessionEpoch();
    }

    /** The assurance level reached, e.g. {@code aal2}. */
    public String acr() {
        return acr;
    }

    /**
     * Refuses a change to the account's passkeys when the caller signed in longer than {@code recent} ago, so
     * that a session left open (or a stolen one) cannot add a key of its own or remove the owner's.
     *
     * @throws CeremonyException {@code reauthentication_required}
     */
    public void requireSignedInWithin(Duration recent, Instant now) {
        if (!signedInWithin(recent, now)) {
            throw new CeremonyException(CeremonyFailure.REAUTHENTICATION_REQUIRED, "To change your passkeys, "
                    + "confirm it is you with a passkey first, or sign in again.");
        }
    }

    /**
     * Refuses an administrator's change unless the caller signed in with a passkey (AAL2) within {@code recent}:
     * a password, or a session left open, does not act on other people's accounts.
     *
     * @throws CeremonyException {@code reauthentication_required}
     */
    public void requirePasskeySignInWithin(Duration recent, Instant now) {
        if (aal() < SignInMethod.PASSKEY_AAL || !signedInWithin(recent, now)) {
            throw new CeremonyException(CeremonyFailure.REAUTHENTICATION_REQUIRED,
                    "To act on accounts, sign in again with your passkey.");
        }
    }

    private boolean signedInWithin(Duration recent, Instant now) {
        return !authTime().isBefore(now.minus(recent));
    }

    /** The NIST assurance level as a number: 3 after an attested hardware passkey, 2 after another, 1 after a password. */
    public int aal() {
        if (PasskeyAssurance.AAL3.acr().equals(acr)) {
            return PasskeyAssurance.AAL3.aal();
        }
        return PasskeyAssurance.AAL2.acr().equals(acr) ? PasskeyAssurance.AAL2.aal() : SignInMethod.PASSWORD_AAL;
    }

    /** How the caller signed in: {@code passkey} or {@code password}. */
    public String authMethod() {
        return amr.contains("pwd") ? SignInMethod.PASSWORD : SignInMethod.PASSKEY;
    }

    /** RFC 8176 authentication method references. */
    public List<String> amr() {
        return amr;
    }

    /** The caller's groups, which the container maps to roles. */
    public Set<String> groups() {
        return groups;
    }
}
