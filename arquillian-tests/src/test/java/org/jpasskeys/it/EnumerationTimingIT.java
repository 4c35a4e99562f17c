package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Arrays;
import java.util.function.Supplier;

import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No account enumeration through timing: a name that has no account is answered in the same time as one that
 * has, both by the password fallback (the same PBKDF2 work) and by username-first passkey options (decoy
 * passkeys). Medians of interleaved rounds, compared as a ratio.
 */
@ExtendWith(ArquillianExtension.class)
class EnumerationTimingIT {

    private static final int ROUNDS = 11;
    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sample();
    }

    @ArquillianResource
    URL base;

    @Test
    void thePasswordFallbackAnswersAnUnknownNameAsSlowlyAsAWrongPassword() {
        String known = Deployments.uniqueUsername("tim");
        Answer signUp = new ApiClient(base).postTo("api/password/sign-up", body(known, PASSWORD), "application/json");
        assertThat(signUp.status()).isEqualTo(200);

        double ratio = medianRatio(
                () -> passwordSignIn(Deployments.uniqueUsername("nobody")),
                () -> passwordSignIn(known));

        System.out.printf("password fallback: unknown name / wrong password = %.2f%n", ratio);
        assertThat(ratio).isBetween(0.75, 1.33);
    }

    @Test
    void usernameFirstOptionsForAnUnknownNameTakeAsLongAsForAKnownOne() {
        String known = Deployments.uniqueUsername("tom");
        assertThat(new ApiClient(base).signUp(SoftwareAuthenticator.es256(), known).status()).isEqualTo(201);

        double ratio = medianRatio(
                () -> options(Deployments.uniqueUsername("nobody")),
                () -> options(known));

        System.out.printf("username-first options: unknown / known = %.2f%n", ratio);
        assertThat(ratio).isBetween(0.5, 2.0);
    }

    private Answer passwordSignIn(String username) {
        Answer answer = new ApiClient(base).postTo("api/password/sign-in", body(username, "not the password"),
                "application/json");
        assertThat(answer.status()).isEqualTo(401);
        return answer;
    }

    private Answer options(String username) {
        Answer answer = new ApiClient(base).post("generate-authentication",
                Json.createObjectBuilder().add("username", username).build());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getJsonArray("allowCredentials")).isNotEmpty();
        return answer;
    }

    /** The median time of {@code unknown} over the median time of {@code known}, measured in alternation. */
    private static double medianRatio(Supplier<Answer> unknown, Supplier<Answer> known) {
        unknown.get();
        known.get();
        long[] unknownNanos = new long[ROUNDS];
        long[] knownNanos = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            unknownNanos[i] = nanos(unknown);
            knownNanos[i] = nanos(known);
        }
        return (double) median(unknownNanos) / median(knownNanos);
    }

    private static long nanos(Supplier<Answer> request) {
        long start = System.nanoTime();
        request.get();
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String body(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }
}
