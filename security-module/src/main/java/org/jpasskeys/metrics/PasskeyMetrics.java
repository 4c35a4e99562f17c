package org.jpasskeys.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The module's counters and latency histograms, in a Micrometer registry of its own (the same on every server,
 * whatever metrics the server has), read in Prometheus text format. Labels take a few known values only
 * (ceremonies, problem codes, limit names), so the number of series stays small.
 */
public final class PasskeyMetrics {

    /** Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    static final String SUCCEEDED = "succeeded";

    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Built once: building the histogram's description per request cost more than recording in it.
    private final Meter.MeterProvider<Timer> requests = Timer.builder("passkeys.requests")
            .description("API requests of the passkey ceremonies")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .withRegistry(registry);
    // Each meter found once per name and labels: building its id and looking it up in the registry on every event
    // cost more than counting (1.6 % of a sign-in's CPU). The label values are few and known, so these stay small.
    private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    /** Options issued by {@code ceremony} (the endpoint's name, e.g. {@code generate-authentication-discoverable}). */
    public void optionsIssued(String ceremony) {
        counter("passkeys.options.issued", "ceremony", ceremony).increment();
    }

    /** A sign-in by {@code method} ({@code passkey}, {@code password}) that succeeded. */
    public void signInSucceeded(String method) {
        counter("passkeys.sign.ins", "method", method, "outcome", SUCCEEDED).increment();
    }

    /** A sign-in by {@code method} refused, with the problem code it answered (e.g. {@code authentication_failed}). */
    public void signInRefused(String method, String code) {
        counter("passkeys.sign.ins", "method", method, "outcome", code).increment();
    }

    public void registrationSucceeded() {
        counter("passkeys.registrations", "outcome", SUCCEEDED).increment();
    }

    public void registrationRefused(String code) {
        counter("passkeys.registrations", "outcome", code).increment();
    }

    /** A request refused by the limit {@code policy} ({@code per-address}, {@code per-username}, ...). */
    public void rateLimited(String policy) {
        counter("passkeys.rate.limited", "policy", policy).increment();
    }

    /** An assertion whose signature counter did not advance: a cloned authenticator is suspected. */
    public void counterRegression() {
        counter("passkeys.counter.regressions").increment();
    }

    public void tokenIssued() {
        counter("passkeys.tokens.issued").increment();
    }

    /** How long one API request to {@code endpoint} took, by its HTTP status. */
    public void request(String endpoint, int status, long nanos) {
        timers.computeIfAbsent(List.of(endpoint, Integer.toString(status)),
                key -> requests.withTags("endpoint", key.get(0), "status", key.get(1)))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Everything recorded so far, in Prometheus text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(new MeterKey(name, List.of(tags)),
                key -> Counter.builder(name).tags(tags).register(registry));
    }

    private record MeterKey(String name, List<String> tags) {
    }
}
