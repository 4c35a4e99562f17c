package org.jpasskeys.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.jpasskeys.testing.MutableClock;
import org.jpasskeys.testing.TestMetadataService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorMetadataTest {

    private final TestMetadataService mds = new TestMetadataService();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));

    @Test
    void theBlobOfTheFileIsInUseUntilItsNextUpdate(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("blob.jwt"), mds.blob(7, LocalDate.parse("2026-07-01")));
        AuthenticatorMetadata metadata = AuthenticatorMetadata.from(file.toString(),
                new MetadataBlobReader(List.of(mds.root()), TestMetadataService.SIGNER), clock);
        assertThat(metadata.due()).as("nothing read yet").isTrue();

        metadata.refresh();

        assertThat(metadata.current().orElseThrow().number()).isEqualTo(7);
        assertThat(metadata.due()).isFalse();
        clock.advance(java.time.Duration.ofDays(30));
        assertThat(metadata.due()).isTrue();
    }

    @Test
    void aRefusedOrOlderBlobNeverReplacesTheOneInUse(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("blob.jwt"), mds.blob(7, LocalDate.parse("2026-07-01")));
        AuthenticatorMetadata metadata = AuthenticatorMetadata.from(file.toString(),
                new MetadataBlobReader(List.of(mds.root()), TestMetadataService.SIGNER), clock);
        metadata.refresh();

        Files.writeString(file, new TestMetadataService().blob(8, LocalDate.parse("2026-08-01")));
        assertThatThrownBy(metadata::refresh).isInstanceOf(MetadataException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("metadata root");
        String[] good = mds.blob(9, LocalDate.parse("2026-08-01")).split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(good[2]);
        signature[0] ^= 0x01;
        Files.writeString(file, good[0] + "." + good[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signature));
        assertThatThrownBy(metadata::refresh).hasMessageContaining("signature");
        Files.writeString(file, mds.blob(6, LocalDate.parse("2026-08-01")));
        assertThatThrownBy(metadata::refresh).hasMessageContaining("lower than that of the one in use (7)");
        Files.writeString(file, mds.blob(10, LocalDate.parse("2026-04-30")));
        assertThatThrownBy(metadata::refresh).as("two updates missed").hasMessageContaining("was due on 2026-04-30");
        Files.delete(file);
        assertThatThrownBy(metadata::refresh).hasMessageContaining("cannot read");

        assertThat(metadata.current().orElseThrow().number()).isEqualTo(7);
        Files.writeString(file, mds.blob(8, LocalDate.parse("2026-08-01")));
        assertThat(metadata.refresh().number()).isEqualTo(8);
    }

    @Test
    void theSameBlobReadAgainIsNoRefusal(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("blob.jwt"), mds.blob(7, LocalDate.parse("2026-07-01")));
        AuthenticatorMetadata metadata = AuthenticatorMetadata.from(file.toString(),
                new MetadataBlobReader(List.of(mds.root()), TestMetadataService.SIGNER), clock);
        MetadataBlob first = metadata.refresh();
        clock.advance(java.time.Duration.ofDays(30));

        assertThat(metadata.due()).isTrue();
        assertThat(metadata.refresh()).as("not published yet").isSameAs(first);
    }

    @Test
    void withoutALocationThereIsNoMetadata() {
        AuthenticatorMetadata none = AuthenticatorMetadata.none();

        assertThat(none.location()).isEmpty();
        assertThat(none.current()).isEmpty();
        assertThat(none.due()).isFalse();
    }
}
