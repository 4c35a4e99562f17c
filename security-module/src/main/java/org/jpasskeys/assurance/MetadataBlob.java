package org.jpasskeys.assurance;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A verified FIDO MDS3 metadata BLOB: its serial number, when the next one is due, and its entries of FIDO2
 * authenticators by AAGUID. (U2F entries are left out: a U2F key cannot verify its user, which every passkey here
 * must.)
 *
 * @param number     {@code no}: a later BLOB has a greater one
 * @param nextUpdate {@code nextUpdate}: when to read the next one
 * @param byAaguid   the authenticator models
 * @param skipped    entries that could not be read (e.g. a status this version does not know); not trusted
 */
public record MetadataBlob(int number, LocalDate nextUpdate, Map<UUID, MetadataEntry> byAaguid, int skipped) {

    public MetadataBlob {
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        byAaguid = Map.copyOf(byAaguid);
    }

    public Optional<MetadataEntry> find(UUID aaguid) {
        return Optional.ofNullable(byAaguid.get(aaguid));
    }
}
