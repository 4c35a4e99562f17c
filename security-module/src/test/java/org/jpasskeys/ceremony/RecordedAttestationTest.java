package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.webauthn4j.converter.util.CborConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jpasskeys.assurance.AccountGroups;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.assurance.AttestationType;
import org.jpasskeys.assurance.AuthenticatorPolicy;
import org.jpasskeys.challenge.CeremonyType;
import org.jpasskeys.challenge.ChallengeUser;
import org.jpasskeys.challenge.PendingChallenge;
import org.jpasskeys.config.AssuranceConfig;
import org.jpasskeys.testing.AttestationCa;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Registrations recorded from real authenticators (the test suites of py_webauthn and SimpleWebAuthn; each file
 * names its source), verified through the registration ceremony with their own challenge, origin and RP ID, at an
 * instant when their certificates were valid, with and without their maker's root as a trust anchor.
 */
class RecordedAttestationTest {

    private static final String DIRECTORY = "/org/jpasskeys/attestation/recorded/";
    private static final CborConverter CBOR = new ObjectConverter().getCborConverter();
    @SuppressWarnings("unchecked")
    private static final Class<Map<String, Object>> MAP = (Class<Map<String, Object>>) (Class<?>) Map.class;
    private static final List<String> FILES = List.of(
            "packed-yubikey-pywebauthn", "packed-yubikey-uv0-simplewebauthn", "packed-self-simplewebauthn",
            "tpm-surfacepro4-pywebauthn", "tpm-ecc-pywebauthn", "android-key-pixel8a-pywebauthn",
            "android-key-galaxys9-simplewebauthn", "android-safetynet-pywebauthn",
            "android-safetynet-ctsfalse-simplewebauthn", "apple-pywebauthn", "fido-u2f-yubikey-pywebauthn",
            "none-pywebauthn");

    /** One recorded registration response and what it was made for. */
    record Recorded(String name, JsonObject json) {
        String format() {
            return json.getString("format");
        }

        boolean userVerified() {
            return json.getBoolean("userVerified");
        }

        Optional<X509Certificate> root() {
            return json.isNull("rootCertificatePem") ? Optional.empty()
                    : Optional.of(certificate(json.getString("rootCertificatePem")));
        }

        Instant validAt() {
            return json.isNull("validAt") ? Instant.parse("2026-01-01T00:00:00Z") : Instant.parse(json.getString("validAt"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Recorded> registrations() {
        return FILES.stream().map(RecordedAttestationTest::read);
    }

    static Stream<Recorded> verifiedRegistrations() {
        return registrations().filter(r -> r.userVerified() && !r.format().equals("android-safetynet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verifiedRegistrations")
    void aRealStatementIsVerifiedAndItsChainTrustedOnlyWithItsMakersRoot(Recorded recorded) {
        RegistrationResult withRoot = register(recorded, recorded.root().stream().toList(), false);
        RegistrationResult withoutRoot = register(recorded, List.of(AttestationCa.create("Other").root()), false);

        assertThat(withRoot.credential().attestation().format()).isEqualTo(recorded.format());
        assertThat(withRoot.credential().attestation().type()).contains(expectedType(recorded));
        assertThat(withRoot.credential().aaguid()).isEqualTo(UUID.fromString(recorded.json().getString("aaguid")));
        assertThat(withRoot.credential().attestation().trustRoot()).as("verified to its maker's root")
                .isEqualTo(recorded.root().map(root -> root.getSubjectX500Principal().getName()));
        assertThat(withoutRoot.credential().attestation().trusted()).as("another root vouches for nothing").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verifiedRegistrations")
    void aPolicyThatRequiresAttestationAdmitsExactlyTheChainsToItsAnchors(Recorded recorded) {
        CeremonyFixture rp = relyingParty(recorded, List.of(recorded.root()
                .orElseGet(() -> AttestationCa.create("Other").root())), true);

        if (recorded.root().isPresent()) {
            assertThat(finish(rp, recorded).credential().attestation().trusted()).isTrue();
        } else {
            rp.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED, () -> finish(rp, recorded));
            assertThat(rp.accounts.credentialCount()).isZero();
        }
    }

    static Stream<Recorded> signedRegistrations() {
        return verifiedRegistrations().filter(r -> statement(r).containsKey("sig"));
    }

    static Stream<Recorded> certifiedRegistrations() {
        return verifiedRegistrations().filter(r -> statement(r).containsKey("x5c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedRegistrations")
    void aRealStatementWhoseSignatureWasChangedIsRefused(Recorded recorded) {
        CeremonyFixture rp = relyingParty(recorded, recorded.root().stream().toList(), false);

        rp.expectFailure(CeremonyFailure.INVALID_REQUEST, () -> finish(rp, recorded, edited(recorded, object -> {
            byte[] sig = (byte[]) statementOf(object).get("sig");
            sig[sig.length - 1] ^= 0x01;
        })));

        assertThat(rp.accounts.credentialCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verifiedRegistrations")
    void aRealStatementClaimingAnotherModelIsRefused(Recorded recorded) {
        if (recorded.format().equals("none")) {
            return; // nothing signs the authenticator data of "none": its AAGUID is a claim, never trusted
        }
        CeremonyFixture rp = relyingParty(recorded, recorded.root().stream().toList(), false);

        // The AAGUID's last byte: the statement's signature (or Apple's nonce) covers it, and packed and Android
        // certificates also name the model in an extension.
        rp.expectFailure(CeremonyFailure.INVALID_REQUEST, () -> finish(rp, recorded, edited(recorded,
                object -> ((byte[]) object.get("authData"))[37 + 15] ^= 0x01)));

        assertThat(rp.accounts.credentialCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certifiedRegistrations")
    void aRealChainWithAForeignCertificateIsNotTrustedAndARequiredAttestationRefused(Recorded recorded) {
        CeremonyFixture rp = relyingParty(recorded, recorded.root().stream().toList(), true);
        byte[] foreign = encoded(AttestationCa.create("Forger").root());

        // Above the leaf, a certificate of another CA: the statement's own signature still verifies, its chain not.
        CeremonyException refused = catchThrowableOfType(CeremonyException.class, () -> finish(rp, recorded,
                edited(recorded, object -> {
                    List<Object> x5c = new ArrayList<>(castList(statementOf(object).get("x5c")));
                    if (x5c.size() == 1) {
                        x5c.add(foreign);
                    } else {
                        x5c.set(x5c.size() - 1, foreign);
                    }
                    statementOf(object).put("x5c", x5c);
                })));

        assertThat(refused).isNotNull();
        assertThat(refused.failure()).as(refused.auditReason()).isEqualTo(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED);
        assertThat(rp.accounts.credentialCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void registrationsWithoutUserVerificationOrFromTheRetiredSafetyNetAreRefused(Recorded recorded) {
        if (recorded.userVerified() && !recorded.format().equals("android-safetynet")) {
            return;
        }
        CeremonyFixture rp = relyingParty(recorded, recorded.root().stream().toList(), false);

        // SafetyNet statements carry their time, which webauthn4j holds against the present: a recording is stale.
        rp.expectFailure(recorded.userVerified() ? CeremonyFailure.INVALID_REQUEST
                : CeremonyFailure.USER_VERIFICATION_REQUIRED, () -> finish(rp, recorded));

        assertThat(rp.accounts.userCount()).isZero();
        assertThat(rp.accounts.credentialCount()).isZero();
    }

    private static AttestationType expectedType(Recorded recorded) {
        return switch (recorded.format()) {
            case "none" -> AttestationType.NONE;
            case "tpm" -> AttestationType.ATT_CA;
            case "apple" -> AttestationType.ANON_CA;
            case "packed" -> recorded.root().isPresent() ? AttestationType.BASIC : AttestationType.SELF;
            default -> AttestationType.BASIC;
        };
    }

    private static RegistrationResult register(Recorded recorded, List<X509Certificate> anchors,
                                               boolean attestationRequired) {
        return finish(relyingParty(recorded, anchors, attestationRequired), recorded);
    }

    private static CeremonyFixture relyingParty(Recorded recorded, List<X509Certificate> anchors,
                                                boolean attestationRequired) {
        AssuranceConfig assurance = new AssuranceConfig(anchors, Optional.empty(), List.of(),
                AssuranceConfig.FIDO_MDS_SIGNER, Set.of(), new AuthenticatorPolicy("default", Set.of(),
                attestationRequired, Set.of(), Set.of(), false, Optional.empty()), List.of());
        return new CeremonyFixture(recorded.json().getString("rpId"), Set.of(recorded.json().getString("origin")),
                recorded.validAt(), assurance, AccountGroups.NONE, AuthenticatorMetadata.none());
    }

    private static RegistrationResult finish(CeremonyFixture rp, Recorded recorded) {
        return finish(rp, recorded, bytes(recorded.json(), "attestationObject"));
    }

    /** Issues the recorded challenge for a new account, as the options would have, and finishes with the answer. */
    private static RegistrationResult finish(CeremonyFixture rp, Recorded recorded, byte[] attestationObject) {
        JsonObject json = recorded.json();
        rp.challenges.put(new PendingChallenge(json.getString("challenge"), CeremonyType.REGISTRATION,
                Optional.of(new ChallengeUser(new byte[32], "alice", "Alice")), Set.of(json.getString("origin")),
                rp.clock.instant().plus(Duration.ofMinutes(5))));
        RegistrationResponse response = new RegistrationResponse(bytes(json, "credentialId"),
                bytes(json, "clientDataJSON"), attestationObject, Set.of(), Optional.empty());
        return rp.registration.finishRegistration(new FinishRegistrationRequest(response, Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    /** The recorded attestation object, decoded, changed by {@code edit} and encoded again. */
    private static byte[] edited(Recorded recorded, Consumer<Map<String, Object>> edit) {
        Map<String, Object> object = CBOR.readValue(bytes(recorded.json(), "attestationObject"), MAP);
        edit.accept(object);
        return CBOR.writeValueAsBytes(object);
    }

    private static Map<String, Object> statement(Recorded recorded) {
        return statementOf(CBOR.readValue(bytes(recorded.json(), "attestationObject"), MAP));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statementOf(Map<String, Object> attestationObject) {
        return (Map<String, Object>) attestationObject.get("attStmt");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object list) {
        return (List<Object>) list;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonObject json, String member) {
        return Base64.getUrlDecoder().decode(json.getString(member));
    }

    private static Recorded read(String name) {
        try (InputStream in = RecordedAttestationTest.class.getResourceAsStream(DIRECTORY + name + ".json");
             JsonReader reader = Json.createReader(in)) {
            return new Recorded(name, reader.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
