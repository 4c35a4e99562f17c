package org.jpasskeys.ceremony;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jpasskeys.assurance.AuthenticatorPolicies;
import org.jpasskeys.challenge.CeremonyType;
import org.jpasskeys.challenge.ChallengeGenerator;
import org.jpasskeys.challenge.ChallengeStore;
import org.jpasskeys.challenge.ChallengeUser;
import org.jpasskeys.challenge.PendingChallenge;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.OwnedCredential;
import org.jpasskeys.credential.SignInUpdate;
import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.credential.UserRepository;

/**
 * The authentication ceremony (WebAuthn §7.2). {@link #startDiscoverable} issues options without an
 * allow-list; {@link #finishAssertion} reads the credential with the account that holds it, requires that the
 * user handle is that account's, verifies the signature against the stored key, requires that the account may sign
 * in and that the passkey still meets its authenticator policies, and stores the new counter. Besides using up the
 * challenge, a sign-in is one read and one conditional update, neither of which needs a transaction around them.
 */
public final class AuthenticationCeremony {

    private final PasskeysConfig config;
    private final ChallengeStore challenges;
    private final ChallengeGenerator generator;
    private final UserRepository users;
    private final CredentialRepository credentials;
    private final Clock clock;
    private final WebAuthn4jAdapter webAuthn;
    private final DecoyCredentials decoys;
    private final AuthenticatorPolicies policies;

    public AuthenticationCeremony(CeremonyContext context, DecoyCredentials decoys) {
        this.config = context.config();
        this.challenges = context.challenges();
        this.generator = context.generator();
        this.users = context.users();
        this.credentials = context.credentials();
        this.clock = context.clock();
        this.webAuthn = new WebAuthn4jAdapter(config.rpId(), context.attestationTrust());
        this.decoys = decoys;
        this.policies = context.policies();
    }

    /** Request options for usernameless sign-in: no allow-list, user verification required. */
    public PublicKeyCredentialRequestOptions startDiscoverable() {
        return issue(Optional.empty(), List.of());
    }

    /**
     * Request options for a username: {@code allowCredentials} lists the account's passkeys. A username
     * without passkeys gets decoys of the same shape, the same for every request, so that the answer
     * does not tell whether the account exists; the challenge is then bound to a user handle of no account.
     */
    public PublicKeyCredentialRequestOptions startWithUsername(String username) {
        String normalized = Usernames.normalize(username);
        Optional<UserAccount> account = users.findByUsername(normalized);
        // The same two lookups whether or not the account exists, so that timing tells no more than the answer.
        List<PublicKeyCredentialDescriptor> allow = allowList(account.map(UserAccount::id).orElse(""));
        if (allow.isEmpty()) {
            return issue(Optional.of(new ChallengeUser(decoys.userHandle(normalized), normalized, normalized)),
                    decoys.allowCredentials(normalized));
        }
        return issue(Optional.of(challengeUser(account.get())), allow);
    }

    /**
     * Request options for a signed-in caller who proves their presence again (step-up): only the
     * caller's own passkeys may answer.
     */
    public PublicKeyCredentialRequestOptions startStepUp(String userId) {
        UserAccount account = users.findById(userId).orElseThrow(() -> new CeremonyException(
                CeremonyFailure.UNAUTHENTICATED, "Your account was not found. Sign in again."));
        List<PublicKeyCredentialDescriptor> allow = allowList(userId);
        if (allow.isEmpty()) {
            // An empty allow-list would let the browser offer any passkey; this account has none to confirm with.
            throw new CeremonyException(CeremonyFailure.REAUTHENTICATION_REQUIRED,
                    "Your account has no passkey to confirm with yet: sign in again to continue.");
        }
        return issue(Optional.of(challengeUser(account)), allow);
    }

    private List<PublicKeyCredentialDescriptor> allowList(String userId) {
        return credentials.findByUserId(userId).stream().map(PublicKeyCredentialDescriptor::of).toList();
    }

    private static ChallengeUser challengeUser(UserAccount account) {
        return new ChallengeUser(account.userHandle(), account.username(), account.displayName());
    }

    private PublicKeyCredentialRequestOptions issue(Optional<ChallengeUser> user,
                                                    List<PublicKeyCredentialDescriptor> allow) {
        String challenge = generator.newChallenge();
        challenges.put(new PendingChallenge(challenge, CeremonyType.AUTHENTICATION, user, config.origins(),
                clock.instant().plus(config.challengeTtl())));
        return new PublicKeyCredentialRequestOptions(config.rpId(), challenge, config.challengeTtl(), allow);
    }

    /** Verifies an assertion. The challenge is used up by this call, whatever its outcome. */
    public AssertionResult finishAssertion(AuthenticationResponse response) {
        WebAuthn4jAdapter.ParsedAssertion parsed = webAuthn.parseAssertion(response);
        PendingChallenge pending = challenges.take(parsed.challenge())
                .filter(challenge -> challenge.ceremony() == CeremonyType.AUTHENTICATION)
                .orElseThrow(CeremonyException::challengeNotFound);
        // With an allow-list the authenticator may leave the user handle out (§7.2 step 6):
        // the challenge names the account then.
        byte[] userHandle = response.userHandle().filter(handle -> handle.length > 0)
                .or(() -> pending.user().map(ChallengeUser::userHandle))
                .orElseThrow(() -> CeremonyException.invalidRequest(
                        "response.userHandle is required: sign in with a passkey that this site created"));
        if (userHandle.length > UserAccount.MAX_USER_HANDLE_BYTES) {
            throw CeremonyException.invalidRequest("response.userHandle is longer than 64 bytes");
        }

        // Caller's responsibility (§7.2 step 6): the credential must belong to the user handle's account.
        Optional<OwnedCredential> found = credentials.findForSignIn(response.credentialId());
        String ownershipProblem = ownershipProblem(found, userHandle, pending);
        Optional<StoredCredential> owned = ownershipProblem == null ? found.map(OwnedCredential::credential)
                : Optional.empty();

        WebAuthn4jAdapter.VerifiedAssertion verified;
        try {
            verified = webAuthn.verifyAssertion(parsed, pending, owned);
        } catch (CeremonyException e) {
            if (ownershipProblem != null && e.failure() == CeremonyFailure.AUTHENTICATION_FAILED) {
                throw CeremonyException.authenticationFailed(ownershipProblem);
            }
            throw e;
        }
        if (ownershipProblem != null) {
            throw CeremonyException.authenticationFailed(ownershipProblem);
        }

        OwnedCredential signingIn = found.orElseThrow();
        StoredCredential used = signingIn.credential();
        // Checked after the signature, so that only the passkey's holder learns of it, and before anything is stored.
        if (!signingIn.standing().maySignIn()) {
            throw CeremonyException.authenticationFailed("account disabled");
        }
        // A policy tightened since the passkey registered applies from its next sign-in.
        policies.refusal(signingIn.owner().username(), used).ifPresent(refusal -> {
            throw CeremonyException.notAllowed(refusal, used);
        });
        Instant now = clock.instant();
        if (!credentials.recordSignIn(new SignInUpdate(used.credentialId(), verified.signCount(),
                verified.backedUp(), now))) {
            // Read on this path only: a passkey revoked since it was read is no sign of a clone.
            if (credentials.findById(used.credentialId()).isEmpty()) {
                throw CeremonyException.authenticationFailed("passkey removed during the sign-in");
            }
            throw CeremonyException.counterRegression("sign counter did not advance past "
                    + used.signCount() + " (possible cloned authenticator)");
        }
        return new AssertionResult(signingIn.owner(), used, verified.signCount(), now,
                signingIn.standing().sessionEpoch());
    }

    private static String ownershipProblem(Optional<OwnedCredential> found, byte[] userHandle,
                                           PendingChallenge pending) {
        if (found.isEmpty()) {
            return "unknown credential";
        }
        UserAccount owner = found.get().owner();
        if (!owner.hasUserHandle(userHandle)) {
            // No lookup of the user handle here: its cost would tell a real passkey from a decoy of the same id.
            return "user handle is not that of the credential's account";
        }
        if (pending.user().isPresent() && !owner.hasUserHandle(pending.user().get().userHandle())) {
            return "challenge was issued to another account";
        }
        return null;
    }
}
