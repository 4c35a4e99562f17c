package org.jpasskeys.sample.password;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.jpasskeys.credential.jpa.SchemaMigration;

/**
 * The fallback sign-in: Jakarta Security's own database identity store checks passwords against PBKDF2
 * hashes in {@code sample_password}. It only validates; groups come from the passkey module and
 * {@code SampleAdmins}.
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = SchemaMigration.DATASOURCE,
        callerQuery = "SELECT password_hash FROM sample_password WHERE username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
                "Pbkdf2PasswordHash.Algorithm=" + PasswordHashing.ALGORITHM,
                "Pbkdf2PasswordHash.Iterations=" + PasswordHashing.ITERATIONS,
                "Pbkdf2PasswordHash.SaltSizeBytes=32",
                "Pbkdf2PasswordHash.KeySizeBytes=64"},
        useFor = IdentityStore.ValidationType.VALIDATE)
@ApplicationScoped
public class PasswordStore {
}
