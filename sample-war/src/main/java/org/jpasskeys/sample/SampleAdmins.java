package org.jpasskeys.sample;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The application's own group store: the {@link Administrators} are in the group {@code admin}. It shows how an
 * application adds roles to passkey callers.
 */
@ApplicationScoped
public class SampleAdmins implements IdentityStore {

    @Inject
    Administrators administrators;

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        return administrators.isAdministrator(result.getCallerPrincipal().getName()) ? Set.of("admin") : Set.of();
    }
}
