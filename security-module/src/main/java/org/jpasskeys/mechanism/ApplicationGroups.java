package org.jpasskeys.mechanism;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.jpasskeys.assurance.AccountGroups;

/**
 * The groups the application's identity stores ({@code PROVIDE_GROUPS}) give a caller: for a sign-in that does
 * not pass the {@code IdentityStoreHandler} (a passkey sign-up signs the new account in directly), and for the
 * authenticator policies of an account's groups.
 */
@ApplicationScoped
public class ApplicationGroups implements AccountGroups {

    @Inject
    @Any
    Instance<IdentityStore> stores;

    /** {@code caller} in its own groups and in every group the providing stores name. */
    public PasskeyPrincipal resolve(PasskeyPrincipal caller) {
        return caller.alsoIn(groupsOf(caller));
    }

    @Override
    public Set<String> of(String username) {
        return groupsOf(new CallerPrincipal(username));
    }

    private Set<String> groupsOf(CallerPrincipal caller) {
        Set<String> groups = new HashSet<>();
        CredentialValidationResult validated = new CredentialValidationResult(caller);
        for (IdentityStore store : stores) {
            if (store.validationTypes().contains(IdentityStore.ValidationType.PROVIDE_GROUPS)) {
                groups.addAll(store.getCallerGroups(validated));
            }
        }
        return groups;
    }
}
