package org.jpasskeys.ceremony;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionsAuthenticatorOutputs;
import com.webauthn4j.data.extension.client.AuthenticationExtensionClientOutput;
import com.webauthn4j.data.extension.client.AuthenticationExtensionsClientOutputs;
import com.webauthn4j.data.extension.client.CredentialPropertiesOutput;
import com.webauthn4j.data.extension.client.RegistrationExtensionClientOutput;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.attestation.statement.androidkey.AndroidKeyAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.androidsafetynet.AndroidSafetyNetAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.apple.AppleAnonymousAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.none.NoneAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.tpm.TPMAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.u2f.FIDOU2FAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.NullCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadTopOriginException;
import com.webauthn4j.verifier.exception.CredentialIdTooLongException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.cbor.CBORMapper;
import org.jpasskeys.assurance.Attestation;
import org.jpasskeys.assurance.AttestationTrust;
import org.jpasskeys.challenge.PendingChallenge;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.StoredCredential;

/**
 * The only place that talks to webauthn4j: it parses responses and runs the verification steps of
 * WebAuthn §7.1 and §7.2 that webauthn4j implements (client data type, challenge, origin, RP ID hash,
 * flags, algorithm, attestation statement, signature, counter). What webauthn4j leaves to the caller
 * (finding the challenge, credential-id uniqueness, user identification) is done by the ceremonies, and the
 * trust in an attestation's certificates by {@link AttestationTrust}.
 */
final class WebAuthn4jAdapter {

    /** ES256, EdDSA and RS256, in that order of preference. */
    static final List<Integer> ALGORITHMS = List.of(-7, -8, -257);
    private static final int RP_ID_HASH = 32;
    private static final int FIXED_AUTHENTICATOR_DATA = RP_ID_HASH + 1 + 4;
    private static final int DECODED_KEYS = 10_000;

    private static final List<PublicKeyCredentialParameters> CREDENTIAL_PARAMETERS = ALGORITHMS.stream()
            .map(alg -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                    COSEAlgorithmIdentifier.create(alg)))
            .toList();

    // A map with a key twice is ambiguous (which "fmt", which "challenge"?): refused, not resolved by the last one.
    private final ObjectConverter objectConverter = new ObjectConverter(
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build(),
            CBORMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    // Every statement's signature is verified here; whether its certificates lead to a trusted root is judged
    // after (AttestationTrust), so that an unattested passkey registers wherever the policy allows it.
    private final WebAuthnManager manager = new WebAuthnManager(
            List.of(new NoneAttestationStatementVerifier(), new PackedAttestationStatementVerifier(),
                    new FIDOU2FAttestationStatementVerifier(), new AndroidKeyAttestationStatementVerifier(),
                    new AndroidSafetyNetAttestationStatementVerifier(), new TPMAttestationStatementVerifier(),
                    new AppleAnonymousAttestationStatementVerifier()),
            new NullCertPathTrustworthinessVerifier(), new DefaultSelfAttestationTrustworthinessVerifier(),
            objectConverter);
    private final AuthenticatorDataConverter authenticatorDataConverter =
            new AuthenticatorDataConverter(objectConverter);
    // webauthn4j gives every response without extensions a new ObjectConverter, and decodes the empty extensions
    // again for each verification: most sign-ins have none, so they share these, decoded once.
    private final AuthenticationExtensionsAuthenticatorOutputs<AuthenticationExtensionAuthenticatorOutput>
            noAuthenticatorExtensions = new AuthenticationExtensionsAuthenticatorOutputs<>(
                    JsonNodeFactory.instance.objectNode(), objectConverter);
    private final AuthenticationExtensionsClientOutputs<AuthenticationExtensionClientOutput> noClientExtensions =
            new AuthenticationExtensionsClientOutputs<>(JsonNodeFactory.instance.objectNode(), objectConverter);
    // Keyed by the stored bytes themselves: the same bytes always decode to the same key.
    private final Cache<ByteBuffer, COSEKey> decodedKeys = Caffeine.newBuilder().maximumSize(DECODED_KEYS)
            .executor(Runnable::run).build();
    private final String rpId;
    private final AttestationTrust trust;
    private final CredentialRecord decoy;

    @SuppressWarnings("deprecation") // getExtensions() decodes and keeps them: what the verification reads
    WebAuthn4jAdapter(String rpId, AttestationTrust trust) {
        noAuthenticatorExtensions.getExtensions();
        noClientExtensions.getExtensions();
        this.rpId = rpId;
        this.trust = trust;
        this.decoy = decoyRecord();
    }

    /** A registration response whose structure was decoded, not yet verified. */
    record ParsedRegistration(RegistrationData data, byte[] rawId) {
        String challenge() {
            return challengeOf(data.getCollectedClientData());
        }
    }

    /** An authentication response whose structure was decoded, not yet verified. */
    record ParsedAssertion(AuthenticationData data) {
        String challenge() {
            return challengeOf(data.getCollectedClientData());
        }
    }

    /** What a verified registration tells about the new credential. */
    record VerifiedRegistration(byte[] credentialId, byte[] publicKeyCose, long signCount, boolean uvInitialized,
                                boolean backupEligible, boolean backedUp, UUID aaguid, Attestation attestation) {
    }

    /** What a verified assertion tells about the authenticator now. */
    record VerifiedAssertion(long signCount, boolean backedUp) {
    }

    ParsedRegistration parseRegistration(RegistrationResponse response) {
        RegistrationRequest request = new RegistrationRequest(response.attestationObject(),
                withoutByteOrderMark(response.clientDataJSON()), response.clientExtensionsJSON().orElse(null),
                response.transports());
        RegistrationData parsed = parse(() -> manager.parse(request));
        if (parsed.getAttestationObject() == null || parsed.getCollectedClientData() == null) {
            throw CeremonyException.invalidRequest("attestationObject and clientDataJSON are required");
        }
        // The hash that the authenticator signed is over the bytes as sent.
        RegistrationData data = new RegistrationData(parsed.getAttestationObject(), parsed.getAttestationObjectBytes(),
                parsed.getCollectedClientData(), response.clientDataJSON(), parsed.getClientExtensions(),
                parsed.getTransports());
        return new ParsedRegistration(data, response.credentialId());
    }

    ParsedAssertion parseAssertion(AuthenticationResponse response) {
        if (response.authenticatorData() == null) {
            throw CeremonyException.invalidRequest("authenticatorData and clientDataJSON are required");
        }
        AuthenticationRequest request = new AuthenticationRequest(response.credentialId(),
                response.userHandle().orElse(null), null, withoutByteOrderMark(response.clientDataJSON()),
                response.clientExtensionsJSON().orElse(null), response.signature());
        AuthenticationData parsed = parse(() -> manager.parse(request));
        AuthenticatorData<AuthenticationExtensionAuthenticatorOutput> authenticatorData =
                parse(() -> authenticatorData(response.authenticatorData()));
        if (parsed.getCollectedClientData() == null) {
            throw CeremonyException.invalidRequest("authenticatorData and clientDataJSON are required");
        }
        AuthenticationExtensionsClientOutputs<AuthenticationExtensionClientOutput> clientExtensions =
                parsed.getClientExtensions() != null && parsed.getClientExtensions().getKeys().isEmpty()
                        ? noClientExtensions : parsed.getClientExtensions();
        // The hash that the authenticator signed is over the bytes as sent.
        AuthenticationData data = new AuthenticationData(parsed.getCredentialId(), parsed.getUserHandle(),
                authenticatorData, response.authenticatorData(), parsed.getCollectedClientData(),
                response.clientDataJSON(), clientExtensions, parsed.getSignature());
        return new ParsedAssertion(data);
    }

    /**
     * An assertion's authenticator data (§6.1). Without attested credential data and extensions it is exactly the
     * RP ID hash, the flags and the counter, read here; anything else is webauthn4j's to decode.
     */
    private AuthenticatorData<AuthenticationExtensionAuthenticatorOutput> authenticatorData(byte[] bytes) {
        if (bytes.length != FIXED_AUTHENTICATOR_DATA
                || (bytes[RP_ID_HASH] & (AuthenticatorData.BIT_AT | AuthenticatorData.BIT_ED)) != 0) {
            return authenticatorDataConverter.convert(bytes);
        }
        long signCount = ByteBuffer.wrap(bytes, RP_ID_HASH + 1, 4).getInt() & 0xFFFF_FFFFL;
        return new AuthenticatorData<>(Arrays.copyOf(bytes, RP_ID_HASH), bytes[RP_ID_HASH], signCount, null,
                noAuthenticatorExtensions);
    }

    /**
     * §7.1 steps 5–21 as webauthn4j does them, user verification and presence required, and the attestation judged
     * at {@code now} (steps 22–23).
     */
    VerifiedRegistration verifyRegistration(ParsedRegistration parsed, PendingChallenge challenge, Instant now) {
        RegistrationParameters parameters = new RegistrationParameters(serverProperty(challenge),
                CREDENTIAL_PARAMETERS, true, true);
        try {
            manager.verify(parsed.data(), parameters);
        } catch (VerificationException e) {
            throw translate(e, CeremonyException.invalidRequest(
                    "The authenticator's response could not be verified. Try again with another passkey provider."));
        } catch (JacksonException | DataConversionException e) {
            throw malformedExtensions(e);
        }
        if (parsed.data().getAttestationObject().getFormat().equals("fido-u2f")) {
            // U2F signs neither the flags nor anything that could verify the user: its UV flag is the client's word.
            throw new CeremonyException(CeremonyFailure.USER_VERIFICATION_REQUIRED, "A U2F security key cannot "
                    + "verify you (PIN or biometrics). Use a passkey on your phone or computer, or a FIDO2 key.");
        }
        requireDiscoverable(parsed.data().getClientExtensions());
        AuthenticatorData<?> authenticatorData = parsed.data().getAttestationObject().getAuthenticatorData();
        AttestedCredentialData attested = authenticatorData.getAttestedCredentialData();
        // Caller's responsibility: rawId must name the credential that the authenticator attested.
        if (!Arrays.equals(attested.getCredentialId(), parsed.rawId())) {
            throw CeremonyException.invalidRequest("rawId does not match the attested credential id");
        }
        CredentialPublicKeys.requireUsable(attested.getCOSEKey());
        AAGUID aaguid = attested.getAaguid() == null ? AAGUID.ZERO : attested.getAaguid();
        AttestationObject attestationObject = parsed.data().getAttestationObject();
        return new VerifiedRegistration(attested.getCredentialId(),
                objectConverter.getCborConverter().writeValueAsBytes(attested.getCOSEKey()),
                authenticatorData.getSignCount(), authenticatorData.isFlagUV(), authenticatorData.isFlagBE(),
                authenticatorData.isFlagBS(), aaguid.getValue(), trust.judge(attestationObject.getFormat(),
                        attestationObject.getAttestationStatement(), aaguid.getValue(), now));
    }

    /**
     * The options required a resident key; a client that reports none made (a relaxed client or integration, an
     * authenticator without storage) would leave a passkey that cannot sign in without a username. A client that
     * reports nothing is taken at the options' word: the outputs are unsigned either way.
     */
    private static void requireDiscoverable(
            AuthenticationExtensionsClientOutputs<RegistrationExtensionClientOutput> outputs) {
        CredentialPropertiesOutput properties = outputs == null ? null : outputs.getCredProps();
        if (properties != null && Boolean.FALSE.equals(properties.getRk())) {
            throw new CeremonyException(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED, "This authenticator did not "
                    + "store the passkey on itself, so it could not sign you in without a username. Use your phone, "
                    + "this computer's passkeys, or a security key that stores passkeys.",
                    "credProps.rk is false: not a discoverable credential");
        }
    }

    /**
     * §7.2 steps 7–22 as webauthn4j does them. Without a credential (unknown, or not the user handle's)
     * the steps run against a decoy key, so that the answer and its timing match a bad signature.
     */
    VerifiedAssertion verifyAssertion(ParsedAssertion parsed, PendingChallenge challenge,
                                      Optional<StoredCredential> credential) {
        CredentialRecord record = credential.map(this::toRecord).orElse(decoy);
        AuthenticationParameters parameters = new AuthenticationParameters(serverProperty(challenge), record,
                null, true, true);
        try {
            manager.verify(parsed.data(), parameters);
        } catch (MaliciousCounterValueException e) {
            throw CeremonyException.counterRegression("sign counter did not advance: " + e.getMessage());
        } catch (VerificationException e) {
            throw translate(e, CeremonyException.authenticationFailed(e.getClass().getSimpleName() + ": "
                    + e.getMessage()));
        } catch (JacksonException | DataConversionException e) {
            throw malformedExtensions(e);
        }
        AuthenticatorData<?> authenticatorData = parsed.data().getAuthenticatorData();
        return new VerifiedAssertion(authenticatorData.getSignCount(), authenticatorData.isFlagBS());
    }

    private ServerProperty serverProperty(PendingChallenge challenge) {
        Set<Origin> origins = challenge.origins().stream().map(Origin::new).collect(Collectors.toSet());
        return ServerProperty.builder()
                .origins(origins)
                .rpId(rpId)
                .challenge(new DefaultChallenge(challenge.challenge()))
                .build();
    }

    private CredentialRecord toRecord(StoredCredential credential) {
        COSEKey key = decodedKeys.get(ByteBuffer.wrap(credential.publicKeyCose()),
                cose -> objectConverter.getCborConverter().readValue(cose.array(), COSEKey.class));
        AttestedCredentialData attested = new AttestedCredentialData(new AAGUID(credential.aaguid()),
                credential.credentialId(), key);
        Set<AuthenticatorTransport> transports = credential.transports().stream()
                .map(AuthenticatorTransport::create).collect(Collectors.toSet());
        return new CredentialRecordImpl(new NoneAttestationStatement(), credential.uvInitialized(),
                credential.backupEligible(), credential.backedUp(), credential.signCount(), attested, null, null,
                null, transports);
    }

    /** Account-independent failures keep their own code; the rest take {@code otherwise}. */
    private static CeremonyException translate(VerificationException e, CeremonyException otherwise) {
        if (e instanceof InconsistentClientDataTypeException) {
            return CeremonyException.invalidRequest("clientDataJSON.type does not belong to this ceremony");
        }
        if (e instanceof BadOriginException || e instanceof CrossOriginException || e instanceof BadTopOriginException) {
            return new CeremonyException(CeremonyFailure.ORIGIN_MISMATCH,
                    "The response comes from an origin this site does not accept.", e.getMessage());
        }
        if (e instanceof BadRpIdException) {
            return new CeremonyException(CeremonyFailure.RP_ID_MISMATCH,
                    "The passkey was made for another site (RP ID).", e.getMessage());
        }
        if (e instanceof UserNotVerifiedException) {
            return new CeremonyException(CeremonyFailure.USER_VERIFICATION_REQUIRED,
                    "The authenticator did not verify you (PIN, fingerprint or face). Use one that can.");
        }
        if (e instanceof UserNotPresentException) {
            return new CeremonyException(CeremonyFailure.USER_PRESENCE_REQUIRED,
                    "The authenticator did not confirm that you are present. Touch it when asked.");
        }
        if (e instanceof NotAllowedAlgorithmException) {
            return new CeremonyException(CeremonyFailure.UNSUPPORTED_ALGORITHM,
                    "The authenticator's key algorithm is not supported: use ES256, EdDSA or RS256.");
        }
        if (e instanceof CredentialIdTooLongException) {
            return CeremonyException.invalidRequest("The credential id is longer than 1023 bytes.");
        }
        return otherwise;
    }

    /** webauthn4j decodes extension outputs when it verifies them: one of the wrong shape fails there. */
    private static CeremonyException malformedExtensions(RuntimeException e) {
        return new CeremonyException(CeremonyFailure.INVALID_REQUEST, "The response's extension outputs are "
                + "malformed: send clientExtensionResults as the browser gave them.",
                "malformed extension output: " + e.getClass().getSimpleName());
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            // DataConversionException and whatever a hostile encoding provokes in the decoders.
            throw CeremonyException.invalidRequest("The response is malformed: clientDataJSON must be JSON and "
                    + "the authenticator data and attestation object valid CBOR.");
        }
    }

    /** clientDataJSON as WebAuthn's "UTF-8 decode" reads it (§7.1 step 5): a leading byte order mark is dropped. */
    private static byte[] withoutByteOrderMark(byte[] clientDataJson) {
        boolean bom = clientDataJson != null && clientDataJson.length >= 3 && clientDataJson[0] == (byte) 0xEF
                && clientDataJson[1] == (byte) 0xBB && clientDataJson[2] == (byte) 0xBF;
        return bom ? Arrays.copyOfRange(clientDataJson, 3, clientDataJson.length) : clientDataJson;
    }

    private static String challengeOf(CollectedClientData clientData) {
        if (clientData.getChallenge() == null) {
            throw CeremonyException.invalidRequest("clientDataJSON has no challenge");
        }
        return CredentialIds.encode(clientData.getChallenge().getValue());
    }

    private static CredentialRecord decoyRecord() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            EC2COSEKey key = EC2COSEKey.create((ECPublicKey) generator.generateKeyPair().getPublic(),
                    COSEAlgorithmIdentifier.ES256);
            AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, new byte[32], key);
            return new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null, 0, attested, null,
                    null, null, Set.of());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 support in this JVM", e);
        }
    }
}
