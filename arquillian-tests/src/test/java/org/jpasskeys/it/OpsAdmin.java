package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jpasskeys.testing.SoftwareAuthenticator;

/** This run's operations administrator ({@code it.ops.admin}, in {@code sample.admins}), enrolled once per server. */
final class OpsAdmin {

    private static final SoftwareAuthenticator KEY = SoftwareAuthenticator.es256();
    private static boolean enrolled;

    private OpsAdmin() {
    }

    static SoftwareAuthenticator key() {
        return KEY;
    }

    static synchronized void enrolOnce(URL base) {
        if (!enrolled) {
            assertThat(new ApiClient(base).signUp(KEY, System.getProperty("it.ops.admin")).status()).isEqualTo(201);
            enrolled = true;
        }
    }
}
