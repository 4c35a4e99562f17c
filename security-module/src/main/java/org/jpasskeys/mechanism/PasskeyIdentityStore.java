package org.jpasskeys.mechanism;

import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.jpasskeys.ceremony.AssertionResult;
import org.jpasskeys.ceremony.AuthenticationCeremony;
import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.ceremony.CeremonyFailure;

/**
 * Validates {@link PasskeyCredential}s with the authentication ceremony. A failure that depends on which
 * accounts or credentials exist is {@code INVALID}, its reason left on the credential; a malformed or misdirected
 * request (bad origin, expired challenge) is thrown as {@link CeremonyException}, so that the caller can be told what
 * to fix.
 */
@ApplicationScoped
public class PasskeyIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(PasskeyIdentityStore.class.getName());

    @Inject
    AuthenticationCeremony ceremony;

    /**
     * No transaction: the ceremony's one read and one conditional update are each consistent on their own, and a
     * JTA transaction around them (interceptor, enlistment, commit) took about 6 % of the request threads' time.
     */
    @Override
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
            passkey.refused(e);
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(SignInMethod.passkey(result.user(), result.credential(),
                result.authenticatedAt(), result.sessionEpoch()), Set.of(SignInMethod.CALLER_GROUP));
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return validationResult.getCallerPrincipal() instanceof PasskeyPrincipal
                ? Set.of(SignInMethod.CALLER_GROUP) : Set.of();
    }
}
