package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;

/**
 * How an administrator of {@code sample.admins} gets in: the sample made the account at start-up, its holder signs
 * in with the bootstrap password ({@code it.admin.password}) and adds a passkey.
 */
final class AdminEnrolment {

    private AdminEnrolment() {
    }

    /** Signed in with the bootstrap password, not yet holding a passkey. */
    static ApiClient signInWithBootstrapPassword(URL base, String administrator) {
        ApiClient client = new ApiClient(base);
        Answer signIn = client.signInWithPassword(administrator, System.getProperty("it.admin.password"));
        assertThat(signIn.status()).as(signIn.raw().body()).isEqualTo(200);
        return client;
    }

    /** The administrator's first passkey, {@code key}. */
    static void enrol(URL base, String administrator, SoftwareAuthenticator key) {
        Answer added = signInWithBootstrapPassword(base, administrator).addPasskey(key);
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
    }
}
