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
        hashAlgorithmParameters = {PasswordHashing.ALGORITHM, PasswordHashing.ITERATIONS, PasswordHashing.SALT_BYTES,
                PasswordHashing.KEY_BYTES},
        useFor = IdentityStore.ValidationType.VALIDATE)
@ApplicationScoped
public class PasswordStore {
}
