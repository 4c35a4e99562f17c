package org.jpasskeys.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.jpasskeys.assurance.AccountGroups;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.assurance.AuthenticatorPolicy;
import org.jpasskeys.assurance.MetadataBlobReader;
import org.jpasskeys.ceremony.CeremonyContext;
import org.jpasskeys.ceremony.FinishRegistrationRequest;
import org.jpasskeys.ceremony.PublicKeyCredentialCreationOptions;
import org.jpasskeys.ceremony.RegistrationCeremony;
import org.jpasskeys.ceremony.RegistrationResponse;
import org.jpasskeys.ceremony.SignUpRequest;
import org.jpasskeys.challenge.CaffeineChallengeStore;
import org.jpasskeys.challenge.ChallengeGenerator;
import org.jpasskeys.config.AssuranceConfig;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.testing.AttestationCa;
import org.jpasskeys.testing.InMemoryAccounts;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.jpasskeys.testing.TestMetadataService;

/**
 * Sign-ups (finishRegistration) with full attestation verification (a packed statement with its certificate,
 * verified to a trust anchor: an enterprise root, or the roots FIDO metadata lists for the model) against sign-ups
 * with {@code none}, in the same run. Answers and their keys are made outside the timed section.
 */
final class RegistrationBenchmark {

    private static final int MEASURED = 3_000;
    private static final UUID MODEL = UUID.fromString("cb69481e-8ff7-4039-93ec-0a2729a154a8");

    private RegistrationBenchmark() {
    }

    static void run() throws Exception {
        AttestationCa maker = AttestationCa.create("Bench Key Maker");
        AttestationCa.Attester batch = maker.attester("Bench Key");
        TestMetadataService mds = new TestMetadataService();
        Path blob = Files.createTempFile("jpasskeys-bench", ".jwt");
        Files.writeString(blob, mds.blob(1, LocalDate.now().plusMonths(1), TestMetadataService.entry(MODEL,
                "Bench Key", maker.root(), List.of("hardware", "secure_element"), "FIDO_CERTIFIED_L1", "2025-01-01")));
        AuthenticatorMetadata metadata = AuthenticatorMetadata.from(blob.toString(),
                new MetadataBlobReader(List.of(mds.root()), TestMetadataService.SIGNER), Clock.systemUTC());
        metadata.refresh();
        AuthenticatorPolicy any = AuthenticatorPolicy.permissive("default", Set.of());

        long[] none = signUps(AssuranceConfig.permissive(), AuthenticatorMetadata.none(), answer -> answer);
        long[] anchored = signUps(new AssuranceConfig(List.of(maker.root()), Optional.empty(), List.of(),
                AssuranceConfig.FIDO_MDS_SIGNER, Set.of(), any, List.of()), AuthenticatorMetadata.none(),
                answer -> answer.attestedBy(batch));
        long[] listed = signUps(new AssuranceConfig(List.of(), Optional.of(blob.toString()), List.of(mds.root()),
                TestMetadataService.SIGNER, Set.of(), any, List.of()), metadata, answer -> answer.attestedBy(batch));
        Files.delete(blob);

        Benchmarks.report("sign-up, packed x5c, enterprise root", anchored, "sign-up, attestation none", none);
        Benchmarks.report("sign-up, packed x5c, FIDO metadata", listed, "sign-up, attestation none", none);
    }

    /** The times of sign-ups whose answers {@code attest} makes, against a relying party with {@code assurance}. */
    private static long[] signUps(AssuranceConfig assurance, AuthenticatorMetadata metadata,
                                  UnaryOperator<SoftwareAuthenticator.Registration> attest) throws Exception {
        PasskeysConfig config = Benchmarks.config(assurance);
        InMemoryAccounts accounts = new InMemoryAccounts();
        RegistrationCeremony registration = new RegistrationCeremony(new CeremonyContext(config,
                new CaffeineChallengeStore(config.challengeTtl(), config.challengeMaxPending(), Clock.systemUTC()),
                new ChallengeGenerator(), accounts, accounts, Clock.systemUTC(), AccountGroups.NONE, metadata));
        int count = Benchmarks.WARMUP + MEASURED;
        RegistrationResponse[] answers = new RegistrationResponse[count];
        for (int i = 0; i < count; i++) {
            PublicKeyCredentialCreationOptions options = registration.startSignUp(
                    new SignUpRequest("user" + i, "User " + i, false));
            answers[i] = attest.apply(SoftwareAuthenticator.es256().withAaguid(MODEL).register(Benchmarks.RP_ID,
                    Benchmarks.ORIGIN, options.challenge(), options.userHandle())).build();
        }
        return Benchmarks.time(count, i -> registration.finishRegistration(new FinishRegistrationRequest(answers[i],
                Optional.empty(), Optional.empty(), Optional.empty())));
    }
}
