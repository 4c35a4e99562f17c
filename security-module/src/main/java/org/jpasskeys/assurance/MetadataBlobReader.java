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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

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
 * certificate of its {@code x5c} header, that certificate names the metadata service ({@code signer}: the FIDO
 * root also certifies every other GlobalSign customer), and its chain leads to one of the metadata roots at the
 * given time (FIDO MDS3 §3.2). Revocation lists are not fetched: the BLOB is meant to be usable offline.
 * webauthn4j-metadata reads each entry on its own, so that an entry it cannot read (a status newer than the
 * library) is skipped and counted, rather than making the whole BLOB unusable.
 */
public final class MetadataBlobReader {

    /** Statuses after which a model's keys are not to be trusted (FIDO MDS3 §3.1.4). */
    static final Set<String> UNTRUSTED_STATUSES = Set.of("REVOKED", "ATTESTATION_KEY_COMPROMISE",
            "USER_VERIFICATION_BYPASS", "USER_KEY_REMOTE_COMPROMISE", "USER_KEY_PHYSICAL_COMPROMISE");
    private static final int DNS_NAME = 2;

    private final ObjectConverter converter = new ObjectConverter();
    private final Set<TrustAnchor> roots;
    private final String signer;

    /** @param signer the DNS name (or, without any, the common name) of the certificate that signs the BLOBs */
    public MetadataBlobReader(Collection<X509Certificate> roots, String signer) {
        this.roots = roots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toUnmodifiableSet());
        this.signer = Objects.requireNonNull(signer);
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
        X509Certificate signing = (X509Certificate) jws.getHeader().getX5c().getCertificates().get(0);
        if (!names(signing).contains(signer)) {
            throw new MetadataException("it is signed by " + signing.getSubjectX500Principal().getName()
                    + ", not by " + signer);
        }
        try {
            PKIXParameters parameters = new PKIXParameters(roots);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(jws.getHeader().getX5c(), parameters);
        } catch (GeneralSecurityException e) {
            throw new MetadataException("its certificate chain does not lead to the metadata root: " + e.getMessage(), e);
        }
        try {
            return payload(jws.getPayload());
        } catch (RuntimeException e) {
            throw new MetadataException("its payload cannot be read: " + e, e);
        }
    }

    /** The DNS names of a certificate's subject alternative names, or its common names when it has none. */
    private static Set<String> names(X509Certificate certificate) {
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null && alternatives.stream().anyMatch(name -> name.get(0).equals(DNS_NAME))) {
                return alternatives.stream().filter(name -> name.get(0).equals(DNS_NAME))
                        .map(name -> (String) name.get(1)).collect(Collectors.toSet());
            }
            return new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN")).map(rdn -> rdn.getValue().toString())
                    .collect(Collectors.toSet());
        } catch (GeneralSecurityException | InvalidNameException e) {
            throw new MetadataException("its signing certificate's names cannot be read", e);
        }
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
        int skipped = 0;
        for (JsonNode node : payload.path("entries")) {
            if (!node.has("aaguid")) {
                continue; // U2F and UAF models
            }
            try {
                MetadataBLOBPayloadEntry entry = converter.getJsonMapper().treeToValue(node,
                        MetadataBLOBPayloadEntry.class);
                byAaguid.put(entry.getAaguid().getValue(), entry(entry));
            } catch (RuntimeException e) {
                skipped++;
            }
        }
        return new MetadataBlob(payload.path("no").asInt(), nextUpdate, byAaguid, skipped);
    }

    private static MetadataEntry entry(MetadataBLOBPayloadEntry entry) {
        MetadataStatement statement = Objects.requireNonNull(entry.getMetadataStatement(), "metadataStatement");
        List<StatusReport> reports = Optional.ofNullable(entry.getStatusReports()).orElse(List.of()).stream()
                .filter(report -> report != null && report.getStatus() != null).toList();
        Optional<String> untrusted = reports.stream().map(report -> report.getStatus().getValue())
                .filter(UNTRUSTED_STATUSES::contains).findFirst();
        Optional<CertificationLevel> certification = reports.stream()
                .map(report -> CertificationLevel.ofStatus(report.getStatus().getValue()))
                .flatMap(Optional::stream).max(Comparator.naturalOrder());
        List<KeyProtectionType> protection = Optional.ofNullable(statement.getKeyProtection()).orElse(List.of());
        boolean hardware = !protection.contains(KeyProtectionType.SOFTWARE)
                && !protection.contains(KeyProtectionType.SYNC_FABRIC)
                && (protection.contains(KeyProtectionType.HARDWARE) || protection.contains(KeyProtectionType.SECURE_ELEMENT)
                || protection.contains(KeyProtectionType.TEE));
        List<X509Certificate> roots = Optional.ofNullable(statement.getAttestationRootCertificates()).orElse(List.of())
                .stream().filter(Objects::nonNull).toList();
        return new MetadataEntry(Optional.ofNullable(statement.getDescription()).orElse(""),
                Optional.ofNullable(statement.getIcon()), roots, hardware, untrusted, certification);
    }
}
