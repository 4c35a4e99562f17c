package org.jpasskeys.assurance;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.KeyProtectionType;
import com.webauthn4j.data.jws.JWS;
import com.webauthn4j.data.jws.JWSFactory;
import com.webauthn4j.metadata.data.MetadataBLOBPayloadEntry;
import com.webauthn4j.metadata.data.statement.MetadataStatement;
import com.webauthn4j.metadata.data.toc.StatusReport;
import tools.jackson.databind.JsonNode;

/**
 * Reads a FIDO MDS3 metadata BLOB (a JWS) and accepts it only when its signature verifies with the first
 * certificate of its {@code x5c} header and that chain leads to one of the metadata roots at the given time (FIDO
 * MDS3 §3.2). Revocation lists are not fetched: the BLOB is meant to be usable offline. webauthn4j-metadata reads
 * each entry on its own, so that an entry it cannot read (a status newer than the library) is skipped and counted,
 * rather than making the whole BLOB unusable.
 */
public final class MetadataBlobReader {

    private final ObjectConverter converter = new ObjectConverter();
    private final Set<TrustAnchor> roots;

    public MetadataBlobReader(Collection<X509Certificate> roots) {
        this.roots = roots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toUnmodifiableSet());
    }

    /** @throws MetadataException naming what is wrong with the BLOB */
    public MetadataBlob read(String blob, Instant at) {
        JWS<JsonNode> jws;
        try {
            jws = new JWSFactory(converter).parse(blob.strip(), JsonNode.class);
        } catch (RuntimeException e) {
            throw new MetadataException("it is not a JWS (header.payload.signature): " + e.getMessage(), e);
        }
        if (jws.getHeader() == null || jws.getHeader().getX5c() == null
                || jws.getHeader().getX5c().getCertificates().isEmpty()) {
            throw new MetadataException("its header has no x5c certificate chain");
        }
        if (!jws.isValidSignature()) {
            throw new MetadataException("its signature does not verify with its x5c certificate");
        }
        try {
            PKIXParameters parameters = new PKIXParameters(roots);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(jws.getHeader().getX5c(), parameters);
        } catch (GeneralSecurityException e) {
            throw new MetadataException("its certificate chain does not lead to the metadata root: " + e.getMessage(), e);
        }
        return payload(jws.getPayload());
    }

    private MetadataBlob payload(JsonNode payload) {
        if (payload == null || !payload.path("no").isInt() || !payload.path("entries").isArray()) {
            throw new MetadataException("its payload has no number (no) or no entries");
        }
        LocalDate nextUpdate;
        try {
            nextUpdate = LocalDate.parse(payload.path("nextUpdate").asString(""));
        } catch (DateTimeParseException e) {
            throw new MetadataException("its nextUpdate is not a date", e);
        }
        Map<UUID, MetadataEntry> byAaguid = new HashMap<>();
        Map<String, MetadataEntry> byKeyId = new HashMap<>();
        int skipped = 0;
        for (JsonNode node : payload.path("entries")) {
            Optional<MetadataBLOBPayloadEntry> parsed = entry(node);
            if (parsed.isEmpty() || parsed.get().getMetadataStatement() == null) {
                skipped++;
                continue;
            }
            MetadataEntry entry = entry(parsed.get());
            if (parsed.get().getAaguid() != null) {
                byAaguid.put(parsed.get().getAaguid().getValue(), entry);
            }
            List<String> keyIds = parsed.get().getAttestationCertificateKeyIdentifiers();
            if (keyIds != null) {
                keyIds.forEach(keyId -> byKeyId.put(keyId.toLowerCase(Locale.ROOT), entry));
            }
        }
        return new MetadataBlob(payload.path("no").asInt(), nextUpdate, byAaguid, byKeyId, skipped);
    }

    private Optional<MetadataBLOBPayloadEntry> entry(JsonNode node) {
        try {
            return Optional.of(converter.getJsonMapper().treeToValue(node, MetadataBLOBPayloadEntry.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static MetadataEntry entry(MetadataBLOBPayloadEntry entry) {
        MetadataStatement statement = entry.getMetadataStatement();
        List<StatusReport> reports = entry.getStatusReports() == null ? List.of() : entry.getStatusReports();
        // Reports come oldest first; the latest by effective date wins, a later one in the list on equal dates.
        Optional<StatusReport> latest = reports.stream().filter(report -> report.getStatus() != null)
                .reduce((earlier, later) -> date(later).isBefore(date(earlier)) ? earlier : later);
        Optional<CertificationLevel> certification = reports.stream().filter(report -> report.getStatus() != null)
                .map(report -> CertificationLevel.ofStatus(report.getStatus().getValue()))
                .flatMap(Optional::stream).max(Comparator.naturalOrder());
        List<KeyProtectionType> protection = statement.getKeyProtection() == null ? List.of()
                : statement.getKeyProtection();
        boolean hardware = !protection.contains(KeyProtectionType.SOFTWARE)
                && !protection.contains(KeyProtectionType.SYNC_FABRIC)
                && (protection.contains(KeyProtectionType.HARDWARE) || protection.contains(KeyProtectionType.SECURE_ELEMENT)
                || protection.contains(KeyProtectionType.TEE));
        return new MetadataEntry(statement.getDescription() == null ? "" : statement.getDescription(),
                Optional.ofNullable(statement.getIcon()), statement.getAttestationRootCertificates() == null
                ? List.of() : statement.getAttestationRootCertificates(), hardware,
                latest.map(report -> report.getStatus().getValue()),
                latest.map(StatusReport::getEffectiveDate), certification);
    }

    private static LocalDate date(StatusReport report) {
        return report.getEffectiveDate() == null ? LocalDate.MIN : report.getEffectiveDate();
    }
}
