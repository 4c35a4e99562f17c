package org.jpasskeys.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jpasskeys.testing.SoftwareAuthenticator;

/**
 * Usernameless sign-ins over HTTP against the sample: starts it on Payara Micro (or targets a running URL),
 * enrols {@code --users} accounts with the project's software authenticator, then runs discoverable sign-ins
 * (options, assertion, verification; no cookies kept) with {@code --concurrency} in flight for
 * {@code --seconds}. Prints sign-ins per second, latency percentiles, errors and the server's CPU per sign-in
 * (its JVM's own process CPU time), beside the JDK's cost of the same cryptography (one ES256 verification and
 * one RS256 signature) measured in the same run.
 *
 * <pre>
 * --payara JAR --war WAR [--port 8380] [--crypto jdk|accp]   start the sample (rate limits off)
 * --app URL [--pid PID]                                        or target one that runs (CPU only with its pid)
 * --users 200 --concurrency 8 --seconds 20 --warmup 20 (at 8 in flight at most, then 10 s at the concurrency)
 * </pre>
 */
public final class HttpSignInBenchmark {

    private static final String API = "/v1/portal/mfa/passkey/";
    private static final int WARMUP_MAX_IN_FLIGHT = 8;
    private static final int SETTLE_SECONDS = 10;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI app;
    private final String origin;

    private HttpSignInBenchmark(URI app) {
        this.app = app;
        this.origin = app.getScheme() + "://" + app.getHost() + ":" + app.getPort();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int users = Integer.parseInt(options.getOrDefault("users", "200"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        if (users < concurrency) {
            throw new IllegalArgumentException("--users must be at least --concurrency: each worker signs in its own");
        }
        Process started = null;
        ProcessHandle server;
        URI app;
        if (options.containsKey("payara")) {
            int port = Integer.parseInt(options.getOrDefault("port", "8380"));
            app = URI.create("http://localhost:" + port);
            started = startSample(options, port);
            server = started.toHandle();
        } else {
            app = URI.create(options.getOrDefault("app", "http://localhost:8380"));
            server = options.containsKey("pid") ? ProcessHandle.of(Long.parseLong(options.get("pid"))).orElseThrow()
                    : null;
        }
        try {
            HttpSignInBenchmark benchmark = new HttpSignInBenchmark(app);
            benchmark.awaitUp(Duration.ofMinutes(3));
            List<Account> accounts = benchmark.enrol(users);
            System.out.printf(Locale.ROOT, "jpasskeys HTTP sign-in benchmark: %s, %d accounts, %d in flight, %d s "
                    + "(after %d s of warm-up), %d cores, Java %s%n", app, users, concurrency, seconds,
                    warmup + SETTLE_SECONDS,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            // The server's JIT compiler shares the cores with the load: under many requests in flight from a cold
            // start it gets a small share, and the server stays 2-3 times slower for minutes.
            benchmark.run(accounts, Math.min(concurrency, WARMUP_MAX_IN_FLIGHT), warmup, false, server);
            benchmark.run(accounts, concurrency, SETTLE_SECONDS, false, server);
            benchmark.run(accounts, concurrency, seconds, true, server);
            cryptographyReference();
        } finally {
            if (started != null) {
                started.destroy();
                started.waitFor();
            }
        }
    }

    private record Account(String username, SoftwareAuthenticator authenticator) {
    }

    private static Process startSample(Map<String, String> options, int port) throws IOException {
        Path home = Files.createTempDirectory("jpasskeys-bench");
        ProcessBuilder payara = new ProcessBuilder("java", "-Xmx1g", "-Duser.home=" + home, "-jar",
                options.get("payara"), "--deploy", options.get("war"), "--contextroot", "/", "--port",
                String.valueOf(port), "--nocluster")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("server.log").toFile());
        Map<String, String> environment = payara.environment();
        environment.put("PASSKEYS_RATE_LIMIT_ENABLED", "false");
        environment.put("PASSKEYS_RP_ORIGINS", "http://localhost:" + port);
        environment.put("PASSKEYS_TOKEN_ISSUER", "http://localhost:" + port);
        environment.put("PASSKEYS_CRYPTO_PROVIDER", options.getOrDefault("crypto", "jdk"));
        System.out.println("starting the sample on Payara Micro (log: " + home.resolve("server.log") + ")");
        return payara.start();
    }

    private void awaitUp(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (post("generate-authentication-discoverable", "{}").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(app + " did not answer in " + patience);
    }

    private List<Account> enrol(int users) throws IOException, InterruptedException {
        List<Account> accounts = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < users; i++) {
            String username = "bench-" + run + "-" + i;
            SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
            JsonObject creation = json(expect(200, post("generate-registration", Json.createObjectBuilder()
                    .add("username", username).add("displayName", username).build().toString())));
            JsonObject answer = authenticator.register(app.getHost(), origin, creation.getString("challenge"),
                    Base64.getUrlDecoder().decode(creation.getJsonObject("user").getString("id"))).json();
            expect(201, post("verify-registration", answer.toString()));
            accounts.add(new Account(username, authenticator));
        }
        return accounts;
    }

    /** Each worker signs in its own accounts (an authenticator's counter is not shared between threads). */
    private void run(List<Account> accounts, int concurrency, int seconds, boolean measured, ProcessHandle server)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        Duration cpuBefore = cpu(server);
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            // Accounts worker, worker + concurrency, ...: no two workers share one, whatever the counts.
            List<Account> own = new ArrayList<>();
            for (int i = w; i < accounts.size(); i += concurrency) {
                own.add(accounts.get(i));
            }
            Thread thread = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                for (int n = 0; System.nanoTime() < end; n++) {
                    long start = System.nanoTime();
                    String error = signIn(own.get(n % own.size()));
                    if (error == null) {
                        mine.add(System.nanoTime() - start);
                    } else {
                        errors.computeIfAbsent(error, e -> new AtomicInteger()).incrementAndGet();
                    }
                }
                latencies.addAll(mine);
            });
            thread.start();
            workers.add(thread);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Duration serverCpu = cpuBefore == null ? null : cpu(server).minus(cpuBefore);
        if (measured) {
            report(latencies.stream().mapToLong(Long::longValue).toArray(), errors, elapsed, serverCpu);
        }
    }

    private String signIn(Account account) {
        try {
            HttpResponse<String> options = post("generate-authentication-discoverable", "{}");
            if (options.statusCode() != 200) {
                return "options:" + options.statusCode();
            }
            JsonObject assertion = account.authenticator().authenticate(app.getHost(), origin,
                    json(options).getString("challenge")).json();
            HttpResponse<String> verified = post("verify-authentication", assertion.toString());
            return verified.statusCode() == 200 && verified.body().contains("\"accessToken\"") ? null
                    : "verify:" + verified.statusCode();
        } catch (IOException e) {
            return "io:" + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void report(long[] nanos, Map<String, AtomicInteger> errors, double elapsed,
                               Duration serverCpu) {
        System.out.printf(Locale.ROOT, "sign-ins %d in %.1f s = %.1f /s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms;"
                        + " errors %s%n", nanos.length, elapsed, nanos.length / elapsed,
                Benchmarks.percentile(nanos, 50) / 1000, Benchmarks.percentile(nanos, 90) / 1000,
                Benchmarks.percentile(nanos, 99) / 1000, errors.isEmpty() ? "none" : errors);
        if (serverCpu == null) {
            System.out.println("server CPU per sign-in: unknown (give --pid of the server's JVM)");
        } else {
            System.out.printf(Locale.ROOT, "server CPU per sign-in %.2f ms (%.0f%% of one core)%n",
                    serverCpu.toNanos() / 1e6 / Math.max(nanos.length, 1), 100.0 * serverCpu.toNanos() / 1e9 / elapsed);
        }
    }

    /** The JDK's cost of a sign-in's own cryptography: one ES256 verification and one RS256 signature. */
    private static void cryptographyReference() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair assertionKey = ec.generateKeyPair();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair tokenKey = rsa.generateKeyPair();
        byte[] data = new byte[300];
        Signature es256 = Signature.getInstance("SHA256withECDSA");
        es256.initSign(assertionKey.getPrivate());
        es256.update(data);
        byte[] assertionSignature = es256.sign();
        int rounds = 0;
        long start = System.nanoTime();
        long end = start + 5_000_000_000L;
        while (System.nanoTime() < end || rounds < 500) {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(assertionKey.getPublic());
            verifier.update(data);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(tokenKey.getPrivate());
            signer.update(data);
            if (!verifier.verify(assertionSignature) || signer.sign().length != 256) {
                throw new IllegalStateException();
            }
            rounds++;
        }
        double millis = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf(Locale.ROOT, "reference: one ES256 verification + one RS256 signature (%s, %s) %.2f ms "
                        + "on one thread%n", Signature.getInstance("SHA256withECDSA").getProvider().getName(),
                Signature.getInstance("SHA256withRSA").getProvider().getName(), millis);
    }

    private static Duration cpu(ProcessHandle server) {
        return server == null ? null : server.info().totalCpuDuration().orElse(null);
    }

    private HttpResponse<String> post(String endpoint, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(app.resolve(API + endpoint))
                .header("Content-Type", "application/json")
                .header("Origin", origin)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, not " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
