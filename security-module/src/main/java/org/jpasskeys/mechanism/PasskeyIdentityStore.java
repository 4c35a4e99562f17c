package org.jpasskeys.mechanism;

import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import org.jpasskeys.ceremony.AssertionResult;
import org.jpasskeys.ceremony.AuthenticationCeremony;
import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.ceremony.CeremonyFailure;
import org.jpasskeys.revocation.AccountStanding;
import org.jpasskeys.revocation.Revocations;

/**
 * Validates {@link PasskeyCredential}s with the authentication ceremony. A failure that depends on which
 * accounts or credentials exist is {@code INVALID}; a malformed or misdirected request (bad origin, expired
 * challenge) is thrown as {@link CeremonyException}, so that the caller can be told what to fix.
 */
@ApplicationScoped
public class PasskeyIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(PasskeyIdentityStore.class.getName());

    @Inject
    AuthenticationCeremony ceremony;

    @Inject
    Revocations revocations;

    /** One transaction for the credential's and the account's reads and the counter update. */
    @Override
    @Transactional
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof PasskeyCredential passkey)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        AssertionResult result;
        try {
            result = ceremony.finishAssertion(passkey.response());
        } catch (CeremonyException e) {
            if (e.failure() != CeremonyFailure.AUTHENTICATION_FAILED) {
                throw e;
            }
            LOG.info(() -> "jpasskeys: passkey sign-in refused: " + e.auditReason());
            return CredentialValidationResult.INVALID_RESULT;
        }
        AccountStanding standing = revocations.atSignIn(result.user().id());
        if (!standing.maySignIn()) {
            // Checked after the signature, so that only the passkey's holder learns of it; thrown to roll back the
            // counter update and to reach the audit log with its reason, answered as any refused passkey.
            throw CeremonyException.authenticationFailed("account disabled");
        }
        return new CredentialValidationResult(SignInMethod.passkey(result.user(), result.credential(), result.authenticatedAt(),
                standing.sessionEpoch()),
                Set.of(SignInMethod.CALLER_GROUP));
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return validationResult.getCallerPrincipal() instanceof PasskeyPrincipal
                ? Set.of(SignInMethod.CALLER_GROUP) : Set.of();
    }
}
