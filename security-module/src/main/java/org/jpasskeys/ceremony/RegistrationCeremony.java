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
import org.jpasskeys.config.AttestationPolicy;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.DuplicateException;
import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.credential.UserRepository;

/**
 * The registration ceremony (WebAuthn §7.1): {@link #startSignUp} issues creation options for a new
 * account, {@link #finishRegistration} verifies the browser's answer and stores the passkey.
 */
public final class RegistrationCeremony {

    static final int USER_HANDLE_BYTES = 32;
    static final String DEFAULT_PASSKEY_NAME = "Passkey";

    private final PasskeysConfig config;
    private final ChallengeStore challenges;
    private final ChallengeGenerator generator;
    private final UserRepository users;
    private final CredentialRepository credentials;
    private final Clock clock;
    private final WebAuthn4jAdapter webAuthn;
    private final AuthenticatorPolicies policies;

    public RegistrationCeremony(CeremonyContext context) {
        this.config = context.config();
        this.challenges = context.challenges();
        this.generator = context.generator();
        this.users = context.users();
        this.credentials = context.credentials();
        this.clock = context.clock();
        this.webAuthn = new WebAuthn4jAdapter(config.rpId(), context.attestationTrust());
        this.policies = context.policies();
    }

    /** Creation options for an anonymous caller who signs up with a passkey. */
    public PublicKeyCredentialCreationOptions startSignUp(SignUpRequest request) {
        return issue(newUser(request), List.of(), request.crossDevice());
    }

    /**
     * Creates an account without a passkey, for an application that signs people up another way first
     * (e.g. with a password); the same rules apply as to a passkey sign-up, and the account can add
     * passkeys once signed in.
     */
    public UserAccount createAccount(SignUpRequest request) {
        ChallengeUser user = newUser(request);
        UserAccount account = new UserAccount(newAccountId(), user.userHandle(), user.username(), user.displayName(),
                clock.instant());
        try {
            users.create(account);
        } catch (DuplicateException e) {
            throw duplicate(e);
        }
        return account;
    }

    private ChallengeUser newUser(SignUpRequest request) {
        if (!config.selfServiceRegistration()) {
            throw new CeremonyException(CeremonyFailure.UNAUTHENTICATED,
                    "Sign-up is not open on this site. Sign in to add a passkey to your account.");
        }
        String username = Usernames.normalize(request.username());
        String displayName = Usernames.displayName(request.displayName(), username, "displayName");
        if (users.findByUsername(username).isPresent()) {
            throw duplicate(new DuplicateException(DuplicateException.Kind.USERNAME));
        }
        return new ChallengeUser(generator.randomBytes(USER_HANDLE_BYTES), username, displayName);
    }

    private String newAccountId() {
        return CredentialIds.encode(generator.randomBytes(16));
    }

    /**
     * Creation options for a signed-in caller who adds a passkey: {@code excludeCredentials} lists every
     * passkey the account has, so that an authenticator holding one refuses to make another.
     */
    public PublicKeyCredentialCreationOptions startAddPasskey(AddPasskeyRequest request) {
        UserAccount account = users.findById(request.userId()).orElseThrow(() -> new CeremonyException(
                CeremonyFailure.UNAUTHENTICATED, "Your account was not found. Sign in again."));
        List<StoredCredential> existing = credentials.findByUserId(account.id());
        requireRoomForOneMore(existing);
        List<PublicKeyCredentialDescriptor> exclude = existing.stream().map(PublicKeyCredentialDescriptor::of).toList();
        return issue(new ChallengeUser(account.userHandle(), account.username(), account.displayName()), exclude,
                request.crossDevice());
    }

    /**
     * Verifies the answer to creation options and stores the passkey if its authenticator meets the account's
     * policies; on sign-up it creates the account in the same transaction. The challenge is used up by this call,
     * whatever its outcome.
     */
    public RegistrationResult finishRegistration(FinishRegistrationRequest request) {
        WebAuthn4jAdapter.ParsedRegistration parsed = webAuthn.parseRegistration(request.response());
        PendingChallenge pending = challenges.take(parsed.challenge())
                .filter(challenge -> challenge.ceremony() == CeremonyType.REGISTRATION)
                .orElseThrow(CeremonyException::challengeNotFound);
        ChallengeUser user = pending.user().orElseThrow(CeremonyException::challengeNotFound);
        Instant now = clock.instant();
        WebAuthn4jAdapter.VerifiedRegistration verified = webAuthn.verifyRegistration(parsed, pending, now);

        Optional<UserAccount> existing = users.findByUserHandle(user.userHandle());
        if (existing.isPresent()) {
            // Options issued to an account are completed by that account's own session only.
            if (!request.callerId().equals(Optional.of(existing.get().id()))) {
                throw CeremonyException.challengeNotFound();
            }
        }
        UserAccount account = existing.orElseGet(() -> new UserAccount(newAccountId(),
                user.userHandle(), user.username(), user.displayName(), now));
        StoredCredential credential = new StoredCredential(verified.credentialId(), account.id(),
                verified.publicKeyCose(), verified.signCount(), verified.uvInitialized(), verified.backupEligible(),
                verified.backedUp(), request.response().transports(), verified.aaguid(), verified.attestation(),
                Usernames.displayName(request.name().orElse(null), DEFAULT_PASSKEY_NAME, "name"), now,
                Optional.empty(), request.userAgent().map(RegistrationCeremony::truncateUserAgent));
        policies.refusal(account.username(), credential).ifPresent(refusal -> {
            throw CeremonyException.notAllowed(refusal, credential);
        });
        try {
            if (existing.isPresent()) {
                if (!credentials.add(credential, config.maxCredentialsPerUser())) {
                    throw limitReached(config.maxCredentialsPerUser());
                }
            } else {
                users.createWithCredential(account, credential);
            }
        } catch (DuplicateException e) {
            throw duplicate(e);
        }
        return new RegistrationResult(account, credential, existing.isEmpty());
    }

    private void requireRoomForOneMore(List<StoredCredential> existing) {
        if (existing.size() >= config.maxCredentialsPerUser()) {
            throw limitReached(existing.size());
        }
    }

    private static CeremonyException limitReached(int held) {
        return new CeremonyException(CeremonyFailure.CREDENTIAL_LIMIT_REACHED, "Your account has "
                + held + " passkeys, the most it can hold. Delete one you no longer use first.");
    }

    private PublicKeyCredentialCreationOptions issue(ChallengeUser user, List<PublicKeyCredentialDescriptor> exclude,
                                                     boolean crossDevice) {
        String challenge = generator.newChallenge();
        challenges.put(new PendingChallenge(challenge, CeremonyType.REGISTRATION, Optional.of(user), config.origins(),
                clock.instant().plus(config.challengeTtl())));
        return new PublicKeyCredentialCreationOptions(config.rpId(), config.rpName(), user.userHandle(),
                user.username(), user.displayName(), challenge, WebAuthn4jAdapter.ALGORITHMS, config.challengeTtl(),
                exclude, conveyance(user.username()), crossDevice ? List.of("hybrid") : List.of(),
                crossDevice ? Optional.of("cross-platform") : Optional.empty());
    }

    /** {@code direct} when a policy of the account must see the attestation, else as configured. */
    private String conveyance(String username) {
        return policies.needAttestation(username) ? AttestationPolicy.DIRECT.conveyance()
                : config.attestation().conveyance();
    }

    private static CeremonyException duplicate(DuplicateException e) {
        return switch (e.kind()) {
            case CREDENTIAL_ID -> new CeremonyException(CeremonyFailure.CREDENTIAL_ALREADY_REGISTERED,
                    "This device already has a passkey for this site: use a different device, "
                            + "or scan the QR code with your phone.");
            case USERNAME -> new CeremonyException(CeremonyFailure.USERNAME_TAKEN,
                    "This username is taken. Choose another one, or sign in if it is yours.");
        };
    }

    private static String truncateUserAgent(String userAgent) {
        return userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512);
    }
}
