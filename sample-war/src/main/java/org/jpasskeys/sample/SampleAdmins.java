package org.jpasskeys.sample;

import java.util.Arrays;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's own group store: callers named in {@code sample.admins} (comma list) are in the group
 * {@code admin}. It shows how an application adds roles to passkey callers.
 */
@ApplicationScoped
public class SampleAdmins implements IdentityStore {

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        String admins = ConfigProvider.getConfig().getOptionalValue("sample.admins", String.class).orElse("");
        boolean admin = Arrays.stream(admins.split(",")).map(String::strip)
                .anyMatch(name -> name.equals(result.getCallerPrincipal().getName()));
        return admin ? Set.of("admin") : Set.of();
    }
}
