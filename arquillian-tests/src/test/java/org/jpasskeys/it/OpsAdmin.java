package org.jpasskeys.it;

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
            AdminEnrolment.enrol(base, System.getProperty("it.ops.admin"), KEY);
            enrolled = true;
        }
    }
}
