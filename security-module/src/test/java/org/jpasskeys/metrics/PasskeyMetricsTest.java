package org.jpasskeys.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PasskeyMetricsTest {

    private final PasskeyMetrics metrics = new PasskeyMetrics();

    @Test
    void everyOutcomeIsCountedUnderItsOwnLabels() {
        metrics.optionsIssued("generate-authentication-discoverable");
        metrics.optionsIssued("generate-authentication-discoverable");
        metrics.signInSucceeded("passkey");
        metrics.signInRefused("passkey", "authentication_failed");
        metrics.signInRefused("password", "authentication_failed");
        metrics.registrationSucceeded();
        metrics.registrationRefused("credential_already_registered");
        metrics.rateLimited("per-address");
        metrics.counterRegression();
        metrics.tokenIssued();

        String text = metrics.scrape();

        assertThat(text).contains(
                "passkeys_options_issued_total{ceremony=\"generate-authentication-discoverable\"} 2.0",
                "passkeys_sign_ins_total{method=\"passkey\",outcome=\"succeeded\"} 1.0",
                "passkeys_sign_ins_total{method=\"passkey\",outcome=\"authentication_failed\"} 1.0",
                "passkeys_sign_ins_total{method=\"password\",outcome=\"authentication_failed\"} 1.0",
                "passkeys_registrations_total{outcome=\"succeeded\"} 1.0",
                "passkeys_registrations_total{outcome=\"credential_already_registered\"} 1.0",
                "passkeys_rate_limited_total{policy=\"per-address\"} 1.0",
                "passkeys_counter_regressions_total 1.0",
                "passkeys_tokens_issued_total 1.0");
    }

    @Test
    void requestLatenciesFormAHistogramPerEndpointAndStatus() {
        metrics.request("verify-authentication", 200, TimeUnit.MILLISECONDS.toNanos(7));
        metrics.request("verify-authentication", 200, TimeUnit.MILLISECONDS.toNanos(70));
        metrics.request("verify-authentication", 401, TimeUnit.MILLISECONDS.toNanos(3));

        String text = metrics.scrape();

        assertThat(text).contains(
                "passkeys_requests_seconds_bucket{endpoint=\"verify-authentication\",status=\"200\",le=\"0.01\"} 1",
                "passkeys_requests_seconds_bucket{endpoint=\"verify-authentication\",status=\"200\",le=\"0.1\"} 2",
                "passkeys_requests_seconds_count{endpoint=\"verify-authentication\",status=\"200\"} 2",
                "passkeys_requests_seconds_count{endpoint=\"verify-authentication\",status=\"401\"} 1");
    }
}
