package org.jpasskeys.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A FIDO Metadata Service for tests: BLOBs in the MDS3 wire format (an ES256 JWS with an {@code x5c} chain), signed
 * by a signer its own root certified, as the real service's chain leads to GlobalSign's root.
 */
public final class TestMetadataService {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    /** The name on the service's signing certificate ({@code passkeys.attestation.metadata-signer}). */
    public static final String SIGNER = "mds.jpasskeys.test";

    private final AttestationCa ca = AttestationCa.create("Test Metadata Service");
    private AttestationCa.Attester signer = ca.attester(SIGNER);

    /** What a relying party configures as {@code passkeys.attestation.metadata-root}. */
    public X509Certificate root() {
        return ca.root();
    }

    public String rootPem() {
        return ca.rootPem();
    }

    /** From now on, signs with a certificate of its root that names someone else. */
    public void signAs(String name) {
        signer = ca.attester(name);
    }

    /** A signed BLOB with these entries ({@link #entry}). */
    public String blob(int number, LocalDate nextUpdate, JsonObject... entries) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObject entry : entries) {
            list.add(entry);
        }
        return sign(Json.createObjectBuilder().add("legalHeader", "Test metadata, for tests only.")
                .add("no", number).add("nextUpdate", nextUpdate.toString()).add("entries", list).build().toString());
    }

    /** The payload signed as a BLOB, as it is (to sign defective payloads). */
    public String sign(String payload) {
        String header = Json.createObjectBuilder().add("alg", "ES256").add("typ", "JWT")
                .add("x5c", Json.createArrayBuilder().add(B64.encodeToString(encoded(signer.certificate()))))
                .build().toString();
        String input = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(signer.key().getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The entry of a FIDO2 model: its attestation root, key protection (e.g. {@code hardware, secure_element}) and
     * status reports, oldest first, each a status and its effective date.
     */
    public static JsonObject entry(UUID aaguid, String description, X509Certificate attestationRoot,
                                   List<String> keyProtection, String... statusesAndDates) {
        JsonArrayBuilder reports = Json.createArrayBuilder();
        for (int i = 0; i < statusesAndDates.length; i += 2) {
            reports.add(Json.createObjectBuilder().add("status", statusesAndDates[i])
                    .add("effectiveDate", statusesAndDates[i + 1]));
        }
        JsonObjectBuilder statement = Json.createObjectBuilder()
                .add("legalHeader", "Test metadata.")
                .add("aaguid", aaguid.toString())
                .add("description", description)
                .add("authenticatorVersion", 5)
                .add("protocolFamily", "fido2")
                .add("schema", 3)
                .add("upv", Json.createArrayBuilder().add(Json.createObjectBuilder().add("major", 1).add("minor", 0)))
                .add("authenticationAlgorithms", Json.createArrayBuilder().add("secp256r1_ecdsa_sha256_raw"))
                .add("publicKeyAlgAndEncodings", Json.createArrayBuilder().add("cose"))
                .add("attestationTypes", Json.createArrayBuilder().add("basic_full"))
                .add("userVerificationDetails", Json.createArrayBuilder().add(Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("userVerificationMethod", "passcode_internal"))))
                .add("keyProtection", Json.createArrayBuilder(keyProtection))
                .add("matcherProtection", Json.createArrayBuilder().add("on_chip"))
                .add("attachmentHint", Json.createArrayBuilder().add("external").add("wired"))
                .add("tcDisplay", Json.createArrayBuilder())
                .add("attestationRootCertificates", Json.createArrayBuilder()
                        .add(B64.encodeToString(encoded(attestationRoot))))
                .add("icon", "data:image/png;base64,iVBORw0KGgo=");
        return Json.createObjectBuilder().add("aaguid", aaguid.toString()).add("metadataStatement", statement)
                .add("statusReports", reports)
                .add("timeOfLastStatusChange", statusesAndDates.length == 0 ? "2024-01-01"
                        : statusesAndDates[statusesAndDates.length - 1])
                .build();
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
