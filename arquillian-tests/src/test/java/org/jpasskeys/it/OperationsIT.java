package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/** What operators see of a running server: metrics, health, the related origins document, security headers. */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

    private static final String METRICS = ApiClient.API + "admin/metrics";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sample();
    }

    @ArquillianResource
    URL base;

    @Test
    void metricsMoveByExactlyWhatAScriptedSequenceDid() {
        OpsAdmin.enrolOnce(base);
        ApiClient admin = new ApiClient(base);
        assertThat(admin.signIn(OpsAdmin.key()).status()).isEqualTo(200);
        SoftwareAuthenticator key = SoftwareAuthenticator.es256();
        assertThat(new ApiClient(base).signUp(key, Deployments.uniqueUsername("met")).status()).isEqualTo(201);
        Metrics before = Metrics.read(admin);

        assertThat(new ApiClient(base).signIn(key).status()).isEqualTo(200);
        assertThat(new ApiClient(base).signIn(key).status()).isEqualTo(200);
        ApiClient attacker = new ApiClient(base);
        JsonObject tampered = attacker.signInAnswer(key).editSignature(signature -> {
            signature[signature.length - 1] ^= 1;
            return signature;
        }).json();
        assertThat(attacker.post("verify-authentication", tampered).status()).isEqualTo(401);
        assertThat(new ApiClient(base).postTo("api/password/sign-in", Json.createObjectBuilder()
                .add("username", Deployments.uniqueUsername("nobody")).add("password", "wrong password!").build()
                .toString(), "application/json").status()).isEqualTo(401);
        assertThat(new ApiClient(base).signUp(key, Deployments.uniqueUsername("twice")).status()).isEqualTo(409);

        Metrics after = Metrics.read(admin);
        String discoverable = "ceremony=\"generate-authentication-discoverable\"";
        assertThat(after.delta(before, "passkeys_options_issued_total{" + discoverable + "}")).isEqualTo(3);
        assertThat(after.delta(before, "passkeys_options_issued_total{ceremony=\"generate-registration\"}"))
                .isEqualTo(1);
        assertThat(after.delta(before, "passkeys_sign_ins_total{method=\"passkey\",outcome=\"succeeded\"}"))
                .isEqualTo(2);
        assertThat(after.delta(before,
                "passkeys_sign_ins_total{method=\"passkey\",outcome=\"authentication_failed\"}")).isEqualTo(1);
        assertThat(after.delta(before,
                "passkeys_sign_ins_total{method=\"password\",outcome=\"authentication_failed\"}")).isEqualTo(1);
        assertThat(after.delta(before,
                "passkeys_registrations_total{outcome=\"credential_already_registered\"}")).isEqualTo(1);
        assertThat(after.delta(before, "passkeys_tokens_issued_total")).isEqualTo(2);
        assertThat(after.delta(before,
                "passkeys_requests_seconds_count{endpoint=\"verify-authentication\",status=\"200\"}")).isEqualTo(2);
        assertThat(after.delta(before,
                "passkeys_requests_seconds_count{endpoint=\"verify-authentication\",status=\"401\"}")).isEqualTo(1);
    }

    @Test
    void theRelatedOriginsDocumentListsExactlyTheConfiguredOrigins() {
        Answer document = new ApiClient(base).get(".well-known/webauthn", null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(document.json()).isEqualTo(Json.createObjectBuilder()
                .add("origins", Json.createArrayBuilder(List.of("https://example.co.uk", "https://example.de")))
                .build());
    }

    @Test
    void everyPageAndApiAnswerCarriesTheSecurityHeaders() {
        ApiClient client = new ApiClient(base);
        List<Answer> answers = List.of(client.get("", null), client.get("account/passkeys.html", null),
                client.get("js/api.js", null), client.get("style.css", null),
                client.post("generate-authentication-discoverable", JsonValue.EMPTY_JSON_OBJECT),
                client.post("verify-authentication", JsonValue.EMPTY_JSON_OBJECT),
                client.get(ApiClient.API + "credentials", null), client.get(".well-known/jwks.json", null));

        for (Answer answer : answers) {
            var headers = answer.raw().headers();
            String what = answer.raw().uri() + " " + answer.status();
            assertThat(headers.firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "frame-ancestors 'self'").doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(what).contains("no-referrer");
            assertThat(headers.firstValue("Permissions-Policy")).as(what).contains(
                    "publickey-credentials-get=(self), publickey-credentials-create=(self)");
            assertThat(headers.firstValue("Strict-Transport-Security")).as(what + ": plain HTTP").isEmpty();
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "it.server", matches = "payara|liberty", disabledReason = "MicroProfile Health: "
            + "the WildFly configuration under test (standalone.xml) has none, and shows the module deploys without it")
    void readinessAndLivenessAreUpOnTheServersHealthEndpoint() {
        String server = "http://localhost:" + base.getPort() + "/";
        Answer ready = new ApiClient(base).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server + "health/ready")).GET());
        Answer live = new ApiClient(base).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server + "health/live")).GET());

        assertThat(ready.status()).as(ready.raw().body()).isEqualTo(200);
        JsonObject readiness = check(ready, "jpasskeys");
        assertThat(readiness.getString("status")).isEqualTo("UP");
        assertThat(readiness.getJsonObject("data").getString("database")).isEqualTo("migrated");
        assertThat(readiness.getJsonObject("data").getString("stateStore")).isEqualTo("local");
        assertThat(readiness.getJsonObject("data").getString("signingKey")).isNotBlank();
        assertThat(live.status()).as(live.raw().body()).isEqualTo(200);
        assertThat(check(live, "jpasskeys-audit").getJsonObject("data").getString("auditWriter")).isEqualTo("running");
    }

    @Test
    void theServersOwnMetricsAndOpenApiDocumentAreClosedToAnyone() {
        String server = "http://localhost:" + base.getPort() + "/";
        for (String endpoint : List.of("metrics", "metrics/base", "metrics/vendor", "openapi")) {
            Answer answer = new ApiClient(base).send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server + endpoint)).header("Accept", "text/plain").GET());
            assertThat(answer.status()).as(endpoint + " answered " + answer.raw().body()).isIn(401, 403, 404);
        }
    }

    /** The check named {@code name} of a MicroProfile Health answer. */
    static JsonObject check(Answer health, String name) {
        return health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health.raw().body()));
    }

    /** One scrape of the Prometheus text format. */
    private record Metrics(String text) {
        static Metrics read(ApiClient admin) {
            Answer scrape = admin.get(METRICS, null);
            assertThat(scrape.status()).as(scrape.raw().body()).isEqualTo(200);
            assertThat(scrape.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            return new Metrics(scrape.raw().body());
        }

        double value(String series) {
            Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
            return line.find() ? Double.parseDouble(line.group(1)) : 0;
        }

        double delta(Metrics before, String series) {
            return value(series) - before.value(series);
        }
    }
}
