package org.jpasskeys.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jpasskeys.config.AssuranceConfig;
import org.jpasskeys.testing.AttestationCa;
import org.jpasskeys.testing.TestMetadataService;
import org.junit.jupiter.api.Test;

class MetadataBlobReaderTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final UUID SECURITY_KEY = UUID.fromString("cb69481e-8ff7-4039-93ec-0a2729a154a8");
    private static final UUID PHONE = UUID.fromString("b93fd961-f2e6-462f-b122-82002247de78");

    private final TestMetadataService mds = new TestMetadataService();
    private final AttestationCa maker = AttestationCa.create("Key Maker");
    private final MetadataBlobReader reader = new MetadataBlobReader(List.of(mds.root()), TestMetadataService.SIGNER);

    @Test
    void aSignedBlobIsReadWithWhatEachModelNeeds() {
        MetadataBlob blob = reader.read(mds.blob(7, LocalDate.parse("2026-07-01"),
                TestMetadataService.entry(SECURITY_KEY, "Key Maker FIDO2 Key", maker.root(),
                        List.of("hardware", "secure_element"), "FIDO_CERTIFIED_L1", "2024-01-10",
                        "FIDO_CERTIFIED_L2", "2025-03-01", "UPDATE_AVAILABLE", "2025-09-01"),
                TestMetadataService.entry(PHONE, "Phone Authenticator", maker.root(), List.of("software", "tee"),
                        "NOT_FIDO_CERTIFIED", "2024-01-01")) + "\n", NOW);

        assertThat(blob.number()).isEqualTo(7);
        assertThat(blob.nextUpdate()).isEqualTo(LocalDate.parse("2026-07-01"));
        MetadataEntry key = blob.find(SECURITY_KEY).orElseThrow();
        assertThat(key.description()).isEqualTo("Key Maker FIDO2 Key");
        assertThat(key.icon()).contains("data:image/png;base64,iVBORw0KGgo=");
        assertThat(key.roots()).containsExactly(maker.root());
        assertThat(key.hardware()).isTrue();
        assertThat(key.certification()).contains(CertificationLevel.FIDO_CERTIFIED_L2);
        assertThat(key.untrustedStatus()).isEmpty();
        MetadataEntry phone = blob.find(PHONE).orElseThrow();
        assertThat(phone.hardware()).as("software key protection").isFalse();
        assertThat(phone.certification()).isEmpty();
    }

    @Test
    void aModelEverReportedCompromisedStaysUntrustedWhateverCameLater() {
        MetadataBlob blob = reader.read(mds.blob(1, LocalDate.parse("2026-07-01"),
                TestMetadataService.entry(SECURITY_KEY, "Key", maker.root(), List.of("hardware"),
                        "FIDO_CERTIFIED_L1", "2024-01-10", "ATTESTATION_KEY_COMPROMISE", "2025-03-01"),
                TestMetadataService.entry(PHONE, "Fixed", maker.root(), List.of("hardware"),
                        "USER_VERIFICATION_BYPASS", "2024-01-10", "FIDO_CERTIFIED_L1", "2025-03-01")), NOW);

        assertThat(blob.find(SECURITY_KEY).orElseThrow().untrustedStatus()).contains("ATTESTATION_KEY_COMPROMISE");
        assertThat(blob.find(PHONE).orElseThrow().untrustedStatus()).as("a later firmware's certification")
                .contains("USER_VERIFICATION_BYPASS");
    }

    @Test
    void anEntryThisVersionCannotReadIsSkippedAndCountedNotTheWholeBlob() {
        MetadataBlob blob = reader.read(mds.blob(2, LocalDate.parse("2026-07-01"),
                TestMetadataService.entry(SECURITY_KEY, "Key", maker.root(), List.of("hardware"),
                        "FIDO_CERTIFIED_L1", "2024-01-10"),
                TestMetadataService.entry(PHONE, "Retired", maker.root(), List.of("hardware"), "RETIRED",
                        "2025-01-01")), NOW);

        assertThat(blob.find(SECURITY_KEY)).isPresent();
        assertThat(blob.find(PHONE)).isEmpty();
        assertThat(blob.skipped()).isOne();
    }

    @Test
    void aChangedPayloadIsRefused() {
        String[] parts = mds.blob(3, LocalDate.parse("2026-07-01")).split("\\.");
        String forged = mds.blob(300, LocalDate.parse("2026-07-01")).split("\\.")[1];

        assertThatThrownBy(() -> reader.read(parts[0] + "." + forged + "." + parts[2], NOW))
                .isInstanceOf(MetadataException.class).hasMessageContaining("signature");
    }

    @Test
    void aBlobNotSignedUnderTheMetadataRootIsRefused() {
        TestMetadataService impostor = new TestMetadataService();
        MetadataBlobReader fido = new MetadataBlobReader(AssuranceConfig.fidoMetadataRoot(), TestMetadataService.SIGNER);

        assertThatThrownBy(() -> reader.read(impostor.blob(4, LocalDate.parse("2026-07-01")), NOW))
                .isInstanceOf(MetadataException.class).hasMessageContaining("metadata root");
        assertThatThrownBy(() -> fido.read(mds.blob(4, LocalDate.parse("2026-07-01")), NOW))
                .isInstanceOf(MetadataException.class).hasMessageContaining("metadata root");
    }

    @Test
    void aBlobSignedUnderTheRootByAnotherNameIsRefused() {
        mds.signAs("www.example.com");

        assertThatThrownBy(() -> reader.read(mds.blob(4, LocalDate.parse("2026-07-01")), NOW))
                .isInstanceOf(MetadataException.class).hasMessageContaining("not by " + TestMetadataService.SIGNER);
    }

    @Test
    void aBlobIsRefusedOnceItsSigningCertificateExpired() {
        assertThatThrownBy(() -> reader.read(mds.blob(5, LocalDate.parse("2041-01-01")),
                Instant.parse("2041-01-01T00:00:00Z"))).isInstanceOf(MetadataException.class)
                .hasMessageContaining("metadata root");
    }

    @Test
    void whatIsNotABlobIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> reader.read("not a jwt", NOW)).isInstanceOf(MetadataException.class)
                .hasMessageContaining("JWS");
        JsonObject noNumber = Json.createObjectBuilder().add("nextUpdate", "2026-07-01")
                .add("entries", Json.createArrayBuilder()).build();
        assertThatThrownBy(() -> reader.read(mds.sign(noNumber.toString()), NOW))
                .isInstanceOf(MetadataException.class).hasMessageContaining("no number");
    }
}
