package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonObject;
import org.jpasskeys.assurance.AccountGroups;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.assurance.AuthenticatorPolicy;
import org.jpasskeys.assurance.CertificationLevel;
import org.jpasskeys.assurance.MetadataBlobReader;
import org.jpasskeys.assurance.PasskeyAssurance;
import org.jpasskeys.config.AssuranceConfig;
import org.jpasskeys.testing.AttestationCa;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.jpasskeys.testing.TestMetadataService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FIDO metadata through both ceremonies: its roots vouch for the models it lists, it names them and tells
 * hardware from software keys, its certification levels meet policies, and a model it reports compromised can
 * neither register nor sign in.
 */
class MetadataPolicyTest {

    private static final UUID SECURITY_KEY = UUID.fromString("cb69481e-8ff7-4039-93ec-0a2729a154a8");

    private final TestMetadataService mds = new TestMetadataService();
    private final AttestationCa maker = AttestationCa.create("Key Maker");
    private final AttestationCa.Attester batch = maker.attester("Key Maker FIDO2 Key");

    @TempDir
    Path directory;

    private Path blobFile;

    private AuthenticatorMetadata metadata(JsonObject... entries) {
        blobFile = directory.resolve("blob.jwt");
        write(1, entries);
        AuthenticatorMetadata metadata = AuthenticatorMetadata.from(blobFile.toString(),
                new MetadataBlobReader(List.of(mds.root()), TestMetadataService.SIGNER), java.time.Clock.systemUTC());
        metadata.refresh();
        return metadata;
    }

    private void write(int number, JsonObject... entries) {
        try {
            Files.writeString(blobFile, mds.blob(number, LocalDate.now().plusMonths(1), entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonObject entry(List<String> keyProtection, String... statuses) {
        return TestMetadataService.entry(SECURITY_KEY, "Key Maker FIDO2 Key", maker.root(), keyProtection, statuses);
    }

    private CeremonyFixture relyingParty(AuthenticatorMetadata metadata, AuthenticatorPolicy policy) {
        return relyingParty(metadata, policy, Set.of());
    }

    private CeremonyFixture relyingParty(AuthenticatorMetadata metadata, AuthenticatorPolicy policy,
                                         Set<UUID> statusAccepted) {
        return new CeremonyFixture(CeremonyFixture.RP_ID, Set.of(CeremonyFixture.ORIGIN),
                java.time.Instant.parse("2026-01-01T00:00:00Z"), new AssuranceConfig(List.of(),
                Optional.of(blobFile.toString()), List.of(mds.root()), TestMetadataService.SIGNER, statusAccepted, policy,
                List.of()),
                AccountGroups.NONE, metadata);
    }

    private static AuthenticatorPolicy anyAuthenticator() {
        return AuthenticatorPolicy.permissive("default", Set.of());
    }

    private static SoftwareAuthenticator securityKey() {
        return SoftwareAuthenticator.es256().withAaguid(SECURITY_KEY);
    }

    @Test
    void aModelTheMetadataListsIsVerifiedToItsRootNamedAndAHardwareKeyReachesAal3() {
        CeremonyFixture rp = relyingParty(metadata(entry(List.of("hardware", "secure_element"),
                "FIDO_CERTIFIED_L1", "2024-01-01")), anyAuthenticator());

        RegistrationResult key = rp.finish(rp.signUpAnswer(securityKey(), "alice").attestedBy(batch));
        RegistrationResult synced = rp.finish(rp.signUpAnswer(securityKey().synced(), "bob").attestedBy(batch));

        assertThat(key.credential().attestation().trustRoot()).contains(maker.root().getSubjectX500Principal().getName());
        assertThat(key.credential().attestation().model()).contains("Key Maker FIDO2 Key");
        assertThat(key.credential().attestation().hardware()).isTrue();
        assertThat(PasskeyAssurance.of(key.credential())).isEqualTo(PasskeyAssurance.AAL3);
        assertThat(PasskeyAssurance.of(synced.credential())).as("synced").isEqualTo(PasskeyAssurance.AAL2);
    }

    @Test
    void aModelWhoseKeysAreInSoftwareOrAnotherMakersChainStaysAtAal2() {
        CeremonyFixture rp = relyingParty(metadata(entry(List.of("software"), "FIDO_CERTIFIED_L1", "2024-01-01")),
                anyAuthenticator());

        RegistrationResult software = rp.finish(rp.signUpAnswer(securityKey(), "alice").attestedBy(batch));
        RegistrationResult forged = rp.finish(rp.signUpAnswer(securityKey(), "bob")
                .attestedBy(AttestationCa.create("Counterfeit").attester("Key Maker FIDO2 Key")));

        assertThat(software.credential().attestation().trusted()).isTrue();
        assertThat(software.credential().attestation().hardware()).isFalse();
        assertThat(PasskeyAssurance.of(software.credential())).isEqualTo(PasskeyAssurance.AAL2);
        assertThat(forged.credential().attestation().trusted()).as("claims the model, not from its maker").isFalse();
    }

    @Test
    void aMinimumCertificationLevelNeedsAnAttestedModelCertifiedThatHigh() {
        AuthenticatorPolicy levelTwo = new AuthenticatorPolicy("default", Set.of(), false, Set.of(), Set.of(), false,
                Optional.of(CertificationLevel.FIDO_CERTIFIED_L2));
        CeremonyFixture levelOne = relyingParty(metadata(entry(List.of("hardware"), "FIDO_CERTIFIED_L1",
                "2024-01-01")), levelTwo);

        CeremonyException refused = levelOne.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED,
                () -> levelOne.finish(levelOne.signUpAnswer(securityKey(), "alice").attestedBy(batch)));
        assertThat(refused.detail()).contains("certified by the FIDO Alliance at level L2");
        assertThat(levelOne.accounts.credentialCount()).isZero();

        CeremonyFixture levelTwoAndMore = relyingParty(metadata(entry(List.of("hardware"), "FIDO_CERTIFIED_L1",
                "2024-01-01", "FIDO_CERTIFIED_L2plus", "2025-01-01")), levelTwo);
        levelTwoAndMore.finish(levelTwoAndMore.signUpAnswer(securityKey(), "alice").attestedBy(batch));
        levelTwoAndMore.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED, () -> levelTwoAndMore.finish(
                levelTwoAndMore.signUpAnswer(securityKey(), "bob").format("packed")));
        assertThat(levelTwoAndMore.accounts.credentialCount()).isOne();
    }

    @Test
    void aModelReportedCompromisedCannotRegisterAndItsPasskeysStopSigningIn() {
        AuthenticatorMetadata metadata = metadata(entry(List.of("hardware"), "FIDO_CERTIFIED_L1", "2024-01-01"));
        CeremonyFixture rp = relyingParty(metadata, anyAuthenticator());
        SoftwareAuthenticator key = securityKey();
        rp.finish(rp.signUpAnswer(key, "alice").attestedBy(batch));
        long counter = rp.accounts.findById(key.credentialId()).orElseThrow().signCount();

        write(2, entry(List.of("hardware"), "FIDO_CERTIFIED_L1", "2024-01-01", "ATTESTATION_KEY_COMPROMISE",
                "2025-06-01"));
        metadata.refresh();

        CeremonyException signIn = rp.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED,
                () -> rp.authentication.finishAssertion(rp.signInAnswer(key).build()));
        CeremonyException registration = rp.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED,
                () -> rp.finish(rp.signUpAnswer(securityKey(), "bob").attestedBy(batch)));

        assertThat(signIn.detail()).contains("reported a security problem");
        assertThat(signIn.auditReason()).contains("metadata status ATTESTATION_KEY_COMPROMISE");
        assertThat(registration.auditReason()).contains("ATTESTATION_KEY_COMPROMISE");
        assertThat(rp.accounts.findById(key.credentialId()).orElseThrow().signCount()).isEqualTo(counter);
        assertThat(rp.accounts.findByUsername("bob")).isEmpty();
    }

    @Test
    void anAdministratorCanAcceptAReportedStatusForAModel() {
        AuthenticatorMetadata metadata = metadata(entry(List.of("hardware"), "FIDO_CERTIFIED_L1", "2024-01-01",
                "USER_VERIFICATION_BYPASS", "2025-06-01"));
        CeremonyFixture rp = relyingParty(metadata, anyAuthenticator(), Set.of(SECURITY_KEY));
        SoftwareAuthenticator key = securityKey();

        rp.finish(rp.signUpAnswer(key, "alice").attestedBy(batch));

        assertThat(rp.authentication.finishAssertion(rp.signInAnswer(key).build()).user().username())
                .isEqualTo("alice");
    }
}
