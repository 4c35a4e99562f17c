package org.jpasskeys.sample.password;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.jpasskeys.sample.SampleTables;

/**
 * The fallback sign-in: checks passwords against the PBKDF2 hashes in {@code sample_password} with Jakarta
 * Security's {@link Pbkdf2PasswordHash}. It only validates; groups come from the passkey module and
 * {@code SampleAdmins}. Other credentials (passkeys) are not its business and are left alone quietly: the
 * servers' own database identity stores log an error for each of them (Open Liberty's CWWKS1920E).
 * An unknown username costs the same PBKDF2 work as a wrong password, so timing does not tell which it was.
 */
@ApplicationScoped
public class PasswordStore implements IdentityStore {

    @Inject
    Pbkdf2PasswordHash hash;

    private String unknownUserHash;

    @PostConstruct
    void configureHash() {
        hash.initialize(PasswordHashing.PARAMETERS);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        unknownUserHash = hash.generate(Base64.getEncoder().encodeToString(random).toCharArray());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<String> stored = storedHash(password.getCaller());
        boolean matches = hash.verify(password.getPassword().getValue(), stored.orElse(unknownUserHash));
        return stored.isPresent() && matches ? new CredentialValidationResult(password.getCaller())
                : CredentialValidationResult.INVALID_RESULT;
    }

    /** The stored hash of {@code username}'s password, if the account has one. */
    static Optional<String> storedHash(String username) {
        return SampleTables.find("SELECT password_hash FROM sample_password WHERE username = ?", username);
    }
}
