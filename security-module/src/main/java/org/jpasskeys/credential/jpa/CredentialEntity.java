package org.jpasskeys.credential.jpa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jpasskeys.assurance.Attestation;
import org.jpasskeys.assurance.AttestationType;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.StoredCredential;

/** Row of {@code jp_credential}; only the repositories see it. */
@Entity
@Table(name = "jp_credential")
class CredentialEntity {

    /** The columns of this table ({@code jp_credential c}) that {@link HotPath} selects, in {@link #read}'s order. */
    static final String COLUMNS = "c.credential_id, c.user_id, c.public_key_cose, c.sign_count, c.uv_initialized, "
            + "c.backup_eligible, c.backed_up, c.transports, c.aaguid, c.attestation_format, c.attestation_type, "
            + "c.attestation_root, c.authenticator_model, c.hardware_key, c.model_verified, c.name, c.created_at, "
            + "c.last_used_at, c.user_agent";

    /** How many columns {@link #COLUMNS} names. */
    static final int COLUMN_COUNT = COLUMNS.split(",").length;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "credential_id", nullable = false, unique = true, length = 1400)
    String credentialId;

    @Column(name = "user_id", nullable = false, length = 32)
    String userId;

    @Column(name = "public_key_cose", nullable = false)
    byte[] publicKeyCose;

    @Column(name = "sign_count", nullable = false)
    long signCount;

    @Column(name = "uv_initialized", nullable = false)
    boolean uvInitialized;

    @Column(name = "backup_eligible", nullable = false)
    boolean backupEligible;

    @Column(name = "backed_up", nullable = false)
    boolean backedUp;

    @Column(name = "transports", nullable = false)
    String transports;

    @Column(name = "aaguid", nullable = false)
    UUID aaguid;

    @Column(name = "attestation_format", nullable = false, length = 32)
    String attestationFormat;

    @Column(name = "attestation_type", length = 8)
    String attestationType;

    @Column(name = "attestation_root", length = Attestation.MAX_TRUST_ROOT_LENGTH)
    String attestationRoot;

    @Column(name = "authenticator_model", length = Attestation.MAX_MODEL_LENGTH)
    String authenticatorModel;

    @Column(name = "hardware_key", nullable = false)
    boolean hardwareKey;

    @Column(name = "model_verified", nullable = false)
    boolean modelVerified;

    @Column(name = "name", nullable = false, length = 64)
    String name;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "last_used_at")
    Instant lastUsedAt;

    @Column(name = "user_agent", length = 512)
    String userAgent;

    static CredentialEntity from(StoredCredential credential) {
        CredentialEntity entity = new CredentialEntity();
        entity.credentialId = credential.credentialIdBase64Url();
        entity.userId = credential.userId();
        entity.publicKeyCose = credential.publicKeyCose();
        entity.signCount = credential.signCount();
        entity.uvInitialized = credential.uvInitialized();
        entity.backupEligible = credential.backupEligible();
        entity.backedUp = credential.backedUp();
        entity.transports = credential.transports().stream().sorted().collect(Collectors.joining(","));
        entity.aaguid = credential.aaguid();
        entity.attestationFormat = credential.attestation().format();
        entity.attestationType = credential.attestation().type().map(AttestationType::code).orElse(null);
        entity.attestationRoot = credential.attestation().trustRoot().orElse(null);
        entity.authenticatorModel = credential.attestation().model().orElse(null);
        entity.hardwareKey = credential.attestation().hardware();
        entity.modelVerified = credential.attestation().modelVerified();
        entity.name = credential.name();
        entity.createdAt = credential.createdAt();
        entity.lastUsedAt = credential.lastUsedAt().orElse(null);
        entity.userAgent = credential.userAgent().orElse(null);
        return entity;
    }

    StoredCredential toCredential() {
        return toCredential(credentialId, userId, publicKeyCose, signCount, uvInitialized, backupEligible, backedUp,
                transports, aaguid, attestation(attestationFormat, attestationType, attestationRoot, authenticatorModel,
                        hardwareKey, modelVerified), name, createdAt, lastUsedAt, userAgent);
    }

    /** The current row of {@link #COLUMNS}; no {@code getObject(column, type)}, see {@link HotPath#instant}. */
    static StoredCredential read(ResultSet row) throws SQLException {
        return toCredential(row.getString(1), row.getString(2), row.getBytes(3), row.getLong(4), row.getBoolean(5),
                row.getBoolean(6), row.getBoolean(7), row.getString(8), UUID.fromString(row.getString(9)),
                attestation(row.getString(10), row.getString(11), row.getString(12), row.getString(13),
                        row.getBoolean(14), row.getBoolean(15)), row.getString(16),
                HotPath.instant(row, 17), HotPath.instant(row, 18), row.getString(19));
    }

    private static Attestation attestation(String format, String type, String root, String model, boolean hardware,
                                           boolean modelVerified) {
        return new Attestation(format, Optional.ofNullable(type).map(AttestationType::ofCode), Optional.ofNullable(root),
                Optional.ofNullable(model), hardware, modelVerified);
    }

    private static StoredCredential toCredential(String credentialId, String userId, byte[] publicKeyCose,
                                                 long signCount, boolean uvInitialized, boolean backupEligible,
                                                 boolean backedUp, String transports, UUID aaguid,
                                                 Attestation attestation, String name, Instant createdAt,
                                                 Instant lastUsedAt, String userAgent) {
        return new StoredCredential(CredentialIds.decode(credentialId), userId, publicKeyCose, signCount,
                uvInitialized, backupEligible, backedUp, transports(transports), aaguid, attestation, name, createdAt,
                Optional.ofNullable(lastUsedAt), Optional.ofNullable(userAgent));
    }

    /** The transports column: a sorted comma list. */
    static Set<String> transports(String column) {
        return Arrays.stream(column.split(",")).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
    }
}
