package org.jpasskeys.assurance;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A verified FIDO MDS3 metadata BLOB: its serial number, when the next one is due, and its entries by AAGUID
 * (FIDO2) and by attestation certificate key identifier (U2F).
 *
 * @param number       {@code no}: a later BLOB has a greater one
 * @param nextUpdate   {@code nextUpdate}: when to read the next one
 * @param byAaguid     FIDO2 authenticators
 * @param byKeyId      U2F authenticators, by the hex SHA-1 of their attestation certificates' public keys
 * @param skipped      entries that could not be read (e.g. a status this version does not know); not trusted
 */
public record MetadataBlob(int number, LocalDate nextUpdate, Map<UUID, MetadataEntry> byAaguid,
                           Map<String, MetadataEntry> byKeyId, int skipped) {

    public MetadataBlob {
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        byAaguid = Map.copyOf(byAaguid);
        byKeyId = Map.copyOf(byKeyId);
    }

    public Optional<MetadataEntry> find(UUID aaguid) {
        return Optional.ofNullable(byAaguid.get(aaguid));
    }

    public Optional<MetadataEntry> findByKeyId(byte[] keyIdentifier) {
        return Optional.ofNullable(byKeyId.get(HexFormat.of().formatHex(keyIdentifier)));
    }

    public int size() {
        return byAaguid.size() + byKeyId.size();
    }
}
