package org.jpasskeys.benchmarks;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jpasskeys.assurance.AccountGroups;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.ceremony.AuthenticationCeremony;
import org.jpasskeys.ceremony.AuthenticationResponse;
import org.jpasskeys.ceremony.CeremonyContext;
import org.jpasskeys.ceremony.DecoyCredentials;
import org.jpasskeys.ceremony.FinishRegistrationRequest;
import org.jpasskeys.ceremony.PublicKeyCredentialCreationOptions;
import org.jpasskeys.ceremony.RegistrationCeremony;
import org.jpasskeys.ceremony.SignUpRequest;
import org.jpasskeys.challenge.CaffeineChallengeStore;
import org.jpasskeys.metrics.PasskeyMetrics;
import org.jpasskeys.challenge.CeremonyType;
import org.jpasskeys.challenge.ChallengeGenerator;
import org.jpasskeys.challenge.PendingChallenge;
import org.jpasskeys.config.AssuranceConfig;
import org.jpasskeys.config.AttestationPolicy;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.testing.InMemoryAccounts;
import org.jpasskeys.testing.SoftwareAuthenticator;

/**
 * Prints the figures of the ceremony core, each beside a reference measured in the same run on the
 * same machine, so that the ratio (not the absolute number) is what to compare across machines:
 * <ul>
 *   <li>verified sign-ins per second and latency percentiles of {@code finishAssertion}, against one
 *       bare ES256 signature verification with the JDK (the cryptographic floor of a sign-in);</li>
 *   <li>options issued per second, against drawing 32 bytes from {@link SecureRandom};</li>
 *   <li>heap per pending challenge in the Caffeine store, against a plain 32-byte array.</li>
 * </ul>
 */
public final class Benchmarks {

    static final String RP_ID = "example.com";
    static final String ORIGIN = "https://example.com";
    static final int WARMUP = 3_000;
    private static final int MEASURED = 10_000;

    private Benchmarks() {
    }

    /** The benchmarks' relying party, with {@code assurance}. */
    static PasskeysConfig config(AssuranceConfig assurance) {
        PasskeysConfig d = PasskeysConfig.developmentDefaults();
        return new PasskeysConfig(RP_ID, "Bench", Set.of(ORIGIN), "/api", "/", 16384, Duration.ofMinutes(5), 1_000_000,
                true, AttestationPolicy.NONE, 10, Duration.ofMinutes(15), ORIGIN, "bench", Duration.ofMinutes(15),
                Path.of("unused"), Optional.empty(), Duration.ofDays(90), d.operations(), d.rateLimit(), d.state(),
                d.tokenKeyStore(), assurance);
    }

    public static void main(String[] args) throws Exception {
        PasskeysConfig config = config(AssuranceConfig.permissive());
        CaffeineChallengeStore store = new CaffeineChallengeStore(config.challengeTtl(), config.challengeMaxPending(),
                Clock.systemUTC());
        InMemoryAccounts accounts = new InMemoryAccounts();
        ChallengeGenerator generator = new ChallengeGenerator();
        CeremonyContext context = new CeremonyContext(config, store, generator, accounts, accounts,
                Clock.systemUTC(), AccountGroups.NONE,
                AuthenticatorMetadata.none());
        RegistrationCeremony registration = new RegistrationCeremony(context);
        AuthenticationCeremony authentication = new AuthenticationCeremony(context,
                new DecoyCredentials(generator.randomBytes(32)));

        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
        PublicKeyCredentialCreationOptions options = registration.startSignUp(new SignUpRequest("bench", "Bench", false));
        registration.finishRegistration(new FinishRegistrationRequest(
                phone.register(RP_ID, ORIGIN, options.challenge(), options.userHandle()).build(), Optional.empty(),
                Optional.empty(), Optional.empty()));

        System.out.println("jpasskeys benchmarks (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.version") + ")");

        // Sign-in: answers are prepared outside the timed section; only verification is measured.
        AuthenticationResponse[] answers = new AuthenticationResponse[WARMUP + MEASURED];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = phone.authenticate(RP_ID, ORIGIN, authentication.startDiscoverable().challenge()).build();
        }
        long[] signIn = time(answers.length, i -> authentication.finishAssertion(answers[i]));

        KeyPair key = ecKey();
        byte[] data = new byte[69];
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(data);
        byte[] signature = signer.sign();
        long[] verify = time(WARMUP + MEASURED, i -> {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key.getPublic());
            verifier.update(data);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException();
            }
        });
        report("sign-in (finishAssertion, ES256)", signIn, "bare ES256 verify (JDK)", verify);

        // What the server records for one sign-in (options and verification), against the verification alone.
        PasskeyMetrics metrics = new PasskeyMetrics();
        long[] recording = time(WARMUP + MEASURED, i -> {
            metrics.optionsIssued("generate-authentication-discoverable");
            metrics.request("generate-authentication-discoverable", 200, 1_000_000 + i);
            metrics.signInSucceeded("passkey");
            metrics.tokenIssued();
            metrics.request("verify-authentication", 200, 5_000_000 + i);
        });
        report("metrics recorded for one sign-in", recording, "sign-in (finishAssertion, ES256)", signIn);
        System.out.printf(Locale.ROOT, "  share of a sign-in's verification: %.2f %%%n",
                100 * percentile(recording, 50) / percentile(signIn, 50));

        long[] issue = time(WARMUP + MEASURED, i -> authentication.startDiscoverable());
        SecureRandom random = new SecureRandom();
        long[] draw = time(WARMUP + MEASURED, i -> random.nextBytes(new byte[32]));
        report("options (startDiscoverable)", issue, "32 bytes from SecureRandom", draw);

        RegistrationBenchmark.run();
        memoryPerPendingChallenge(generator);
        StateStoreBenchmark.run();
    }

    interface Step {
        void run(int i) throws Exception;
    }

    /** Runs {@code step} {@code count} times; returns the nanoseconds of each run after the warm-up. */
    static long[] time(int count, Step step) throws Exception {
        long[] nanos = new long[count - WARMUP];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            step.run(i);
            if (i >= WARMUP) {
                nanos[i - WARMUP] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    static void report(String name, long[] nanos, String referenceName, long[] reference) {
        double perSecond = perSecond(nanos);
        double referencePerSecond = perSecond(reference);
        System.out.printf(Locale.ROOT, "%-36s %9.0f /s  p50 %7.1f us  p99 %7.1f us%n", name, perSecond,
                percentile(nanos, 50), percentile(nanos, 99));
        System.out.printf(Locale.ROOT, "%-36s %9.0f /s  p50 %7.1f us  p99 %7.1f us%n", "  reference: " + referenceName,
                referencePerSecond, percentile(reference, 50), percentile(reference, 99));
        System.out.printf(Locale.ROOT, "  ratio: %.2f x the reference's time per operation%n",
                referencePerSecond / perSecond);
    }

    private static void memoryPerPendingChallenge(ChallengeGenerator generator) {
        int count = 200_000;
        CaffeineChallengeStore store = new CaffeineChallengeStore(Duration.ofMinutes(5), count, Clock.systemUTC());
        Instant expiry = Instant.now().plus(Duration.ofMinutes(5));
        Set<String> origins = Set.of(ORIGIN);
        long before = usedHeap();
        for (int i = 0; i < count; i++) {
            store.put(new PendingChallenge(generator.newChallenge(), CeremonyType.AUTHENTICATION, Optional.empty(),
                    origins, expiry));
        }
        long perChallenge = (usedHeap() - before) / count;
        byte[][] arrays = new byte[count][];
        long beforeArrays = usedHeap();
        for (int i = 0; i < count; i++) {
            arrays[i] = generator.randomBytes(32);
        }
        long perArray = (usedHeap() - beforeArrays) / count;
        System.out.printf(Locale.ROOT, "%-36s %9d bytes (%d pending)%n", "memory per pending challenge",
                perChallenge, store.pendingCount());
        System.out.printf(Locale.ROOT, "%-36s %9d bytes%n", "  reference: a 32-byte array", perArray);
        System.out.printf(Locale.ROOT, "  ratio: %.1f x the reference%n", (double) perChallenge / perArray);
        if (arrays.length == 0) {
            throw new IllegalStateException();
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double perSecond(long[] nanos) {
        return nanos.length / (Arrays.stream(nanos).sum() / 1e9);
    }

    static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1000.0;
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
