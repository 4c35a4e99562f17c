package org.jpasskeys.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jpasskeys.ceremony.AuthenticationResponse;
import org.jpasskeys.ceremony.RegistrationResponse;

/**
 * A passkey authenticator in software for tests: it holds one discoverable credential and answers
 * creation and request options with real signatures. Each answer is a builder whose fields can be
 * spoiled one at a time to make the hostile cases.
 */
public final class SoftwareAuthenticator {

    public static final byte UP = 0x01;
    public static final byte UV = 0x04;
    public static final byte BE = 0x08;
    public static final byte BS = 0x10;
    public static final byte AT = 0x40;
    public static final byte ED = (byte) 0x80;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** Key algorithms, with ES384 for "an algorithm the relying party did not offer". */
    public enum Algorithm {
        ES256(-7), EDDSA(-8), RS256(-257), ES384(-35);

        final int cose;

        Algorithm(int cose) {
            this.cose = cose;
        }
    }

    private final Algorithm algorithm;
    private final KeyPair keyPair;
    private final byte[] credentialId;
    private UUID aaguid;
    private byte[] userHandle;
    private long signCount;
    private int counterStep = 1;
    private byte credentialFlags;

    private SoftwareAuthenticator(Algorithm algorithm, byte[] credentialId) {
        this(algorithm, generate(algorithm, 2048), credentialId);
    }

    private SoftwareAuthenticator(Algorithm algorithm, KeyPair keyPair, byte[] credentialId) {
        this.algorithm = algorithm;
        this.keyPair = keyPair;
        this.credentialId = credentialId;
        this.aaguid = UUID.fromString("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");
    }

    public static SoftwareAuthenticator create(Algorithm algorithm) {
        return new SoftwareAuthenticator(algorithm, random(32));
    }

    public static SoftwareAuthenticator es256() {
        return create(Algorithm.ES256);
    }

    /** An authenticator whose credential id is the given one (for duplicate and length tests). */
    public static SoftwareAuthenticator withCredentialId(byte[] credentialId) {
        return new SoftwareAuthenticator(Algorithm.ES256, credentialId.clone());
    }

    /** The largest case a record must keep: an RS256 key of 4096 bits under a 1023-byte credential id. */
    public static SoftwareAuthenticator largest() {
        return new SoftwareAuthenticator(Algorithm.RS256, generate(Algorithm.RS256, 4096), random(1023));
    }

    /** A synced passkey: BE and BS set. */
    public SoftwareAuthenticator synced() {
        credentialFlags = (byte) (BE | BS);
        return this;
    }

    /** An authenticator of the model {@code value}. */
    public SoftwareAuthenticator withAaguid(UUID value) {
        aaguid = value;
        return this;
    }

    /** An authenticator that keeps no counter, as most platform passkeys do. */
    public SoftwareAuthenticator withoutCounter() {
        counterStep = 0;
        return this;
    }

    public byte[] credentialId() {
        return credentialId.clone();
    }

    public String credentialIdBase64Url() {
        return B64URL.encodeToString(credentialId);
    }

    /** The user handle of the account the credential was created for. */
    public byte[] userHandle() {
        return userHandle.clone();
    }

    public long signCount() {
        return signCount;
    }

    /** Sets the counter the next assertion starts from (for regression tests). */
    public void setSignCount(long value) {
        signCount = value;
    }

    /** Answers creation options: a new credential for {@code userHandle}. */
    public Registration register(String rpId, String origin, String challenge, byte[] userHandle) {
        this.userHandle = userHandle.clone();
        return new Registration(rpId, origin, challenge);
    }

    /** Answers request options with the credential made by {@link #register}. */
    public Assertion authenticate(String rpId, String origin, String challenge) {
        if (userHandle == null) {
            throw new IllegalStateException("register first");
        }
        signCount += counterStep;
        return new Assertion(rpId, origin, challenge, signCount);
    }

    /** Fields shared by both answers: what goes into clientDataJSON and the authenticator data. */
    abstract class Answer<T extends Answer<T>> {
        String type;
        String challenge;
        String origin;
        String rpIdForHash;
        byte flags = (byte) (UP | UV | credentialFlags);
        Boolean crossOrigin = false;
        String clientDataOverride;
        byte[] rawIdOverride;

        Answer(String type, String rpId, String origin, String challenge) {
            this.type = type;
            this.rpIdForHash = rpId;
            this.origin = origin;
            this.challenge = challenge;
        }

        abstract T self();

        public T type(String value) {
            type = value;
            return self();
        }

        public T challenge(String value) {
            challenge = value;
            return self();
        }

        public T origin(String value) {
            origin = value;
            return self();
        }

        public T rpIdHashOf(String rpId) {
            rpIdForHash = rpId;
            return self();
        }

        public T flags(int value) {
            flags = (byte) value;
            return self();
        }

        public T withoutFlag(byte flag) {
            flags = (byte) (flags & ~flag);
            return self();
        }

        public T crossOrigin(Boolean value) {
            crossOrigin = value;
            return self();
        }

        /** Replaces clientDataJSON with this text (hostile-input tests). */
        public T clientDataJSON(String text) {
            clientDataOverride = text;
            return self();
        }

        public T rawId(byte[] value) {
            rawIdOverride = value.clone();
            return self();
        }

        byte[] clientDataJSON() {
            if (clientDataOverride != null) {
                return clientDataOverride.getBytes(StandardCharsets.UTF_8);
            }
            JsonObjectBuilder json = Json.createObjectBuilder();
            if (type != null) {
                json.add("type", type);
            }
            if (challenge != null) {
                json.add("challenge", challenge);
            }
            json.add("origin", origin);
            if (crossOrigin != null) {
                json.add("crossOrigin", crossOrigin);
            }
            return json.build().toString().getBytes(StandardCharsets.UTF_8);
        }

        byte[] rawId() {
            return rawIdOverride != null ? rawIdOverride : credentialId;
        }

        byte[] authenticatorDataHeader(long counter) {
            return ByteBuffer.allocate(37).put(sha256(rpIdForHash.getBytes(StandardCharsets.UTF_8))).put(flags)
                    .putInt((int) counter).array();
        }
    }

    /** An answer to creation options ({@code RegistrationResponseJSON}). */
    public final class Registration extends Answer<Registration> {
        private String format = "none";
        private java.util.function.UnaryOperator<Map<String, Object>> attestationStatementEdit = statement -> statement;
        private Optional<AttestationCa.Attester> attester = Optional.empty();
        private Optional<byte[]> publicKeyCose = Optional.empty();

        Registration(String rpId, String origin, String challenge) {
            super("webauthn.create", rpId, origin, challenge);
            flags = (byte) (flags | AT);
        }

        @Override
        Registration self() {
            return this;
        }

        /** "none" (default) or "packed" self-attestation; any other value is sent as it is. */
        public Registration format(String value) {
            format = value;
            return this;
        }

        /** A "packed" statement signed by {@code value}'s attestation key, with its certificate as x5c. */
        public Registration attestedBy(AttestationCa.Attester value) {
            format = "packed";
            attester = Optional.of(value);
            return this;
        }

        /** Edits the attestation statement after it was made (for defective statements). */
        public Registration attestationStatement(java.util.function.UnaryOperator<Map<String, Object>> edit) {
            attestationStatementEdit = edit;
            return this;
        }

        /** Sends these bytes as the credential public key instead of this authenticator's (for defective keys). */
        public Registration publicKeyCose(byte[] cose) {
            publicKeyCose = Optional.of(cose.clone());
            return this;
        }

        public RegistrationResponse build() {
            byte[] clientData = clientDataJSON();
            byte[] authData = authenticatorData();
            Map<String, Object> attStmt = new LinkedHashMap<>();
            if (format.equals("packed") && attester.isPresent()) {
                attStmt.put("alg", Algorithm.ES256.cose);
                attStmt.put("sig", sign(attester.get().key().getPrivate(), Algorithm.ES256,
                        concat(authData, sha256(clientData))));
                attStmt.put("x5c", java.util.List.of(encoded(attester.get().certificate())));
            } else if (format.equals("packed")) {
                attStmt.put("alg", algorithm.cose);
                attStmt.put("sig", sign(concat(authData, sha256(clientData))));
            }
            Map<String, Object> attestation = new LinkedHashMap<>();
            attestation.put("fmt", format);
            attestation.put("attStmt", attestationStatementEdit.apply(attStmt));
            attestation.put("authData", authData);
            byte[] attestationObject = CONVERTER.getCborConverter().writeValueAsBytes(attestation);
            return new RegistrationResponse(rawId(), clientData, attestationObject, Set.of("internal", "hybrid"),
                    Optional.empty());
        }

        /** The {@code credential.toJSON()} form a browser sends. */
        public JsonObject json() {
            RegistrationResponse r = build();
            return Json.createObjectBuilder()
                    .add("id", B64URL.encodeToString(r.credentialId()))
                    .add("rawId", B64URL.encodeToString(r.credentialId()))
                    .add("type", "public-key")
                    .add("authenticatorAttachment", "platform")
                    .add("clientExtensionResults", Json.createObjectBuilder())
                    .add("response", Json.createObjectBuilder()
                            .add("clientDataJSON", B64URL.encodeToString(r.clientDataJSON()))
                            .add("attestationObject", B64URL.encodeToString(r.attestationObject()))
                            .add("transports", Json.createArrayBuilder().add("hybrid").add("internal")))
                    .build();
        }

        private byte[] authenticatorData() {
            byte[] cose = publicKeyCose.orElseGet(() -> CONVERTER.getCborConverter().writeValueAsBytes(coseKey()));
            ByteBuffer uuid = ByteBuffer.allocate(16).putLong(aaguid.getMostSignificantBits())
                    .putLong(aaguid.getLeastSignificantBits());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(authenticatorDataHeader(signCount));
            if ((flags & AT) != 0) {
                out.writeBytes(uuid.array());
                out.write(credentialId.length >> 8);
                out.write(credentialId.length);
                out.writeBytes(credentialId);
                out.writeBytes(cose);
            }
            return out.toByteArray();
        }

        private COSEKey coseKey() {
            COSEAlgorithmIdentifier alg = COSEAlgorithmIdentifier.create(algorithm.cose);
            return switch (algorithm) {
                case ES256, ES384 -> EC2COSEKey.create((ECPublicKey) keyPair.getPublic(), alg);
                case EDDSA -> EdDSACOSEKey.create((EdECPublicKey) keyPair.getPublic(), alg);
                case RS256 -> RSACOSEKey.create((RSAPublicKey) keyPair.getPublic(), alg);
            };
        }
    }

    /** An answer to request options ({@code AuthenticationResponseJSON}). */
    public final class Assertion extends Answer<Assertion> {
        private final long counter;
        private Optional<byte[]> handle = Optional.of(userHandle.clone());
        private java.util.function.UnaryOperator<byte[]> signatureEdit = s -> s;
        private byte[] extensions = new byte[0];

        Assertion(String rpId, String origin, String challenge, long counter) {
            super("webauthn.get", rpId, origin, challenge);
            this.counter = counter;
        }

        @Override
        Assertion self() {
            return this;
        }

        /** Sends this user handle instead of the credential's own; empty sends none. */
        public Assertion userHandle(Optional<byte[]> value) {
            handle = value.map(byte[]::clone);
            return this;
        }

        /** Changes the signature after it was made (bit flips, truncation, another key's signature). */
        public Assertion editSignature(java.util.function.UnaryOperator<byte[]> edit) {
            signatureEdit = edit;
            return this;
        }

        /** Appends these bytes (a CBOR map of extension outputs, or anything) to the signed authenticator data. */
        public Assertion authenticatorExtensions(byte[] value) {
            extensions = value.clone();
            return this;
        }

        public AuthenticationResponse build() {
            byte[] clientData = clientDataJSON();
            byte[] authData = concat(authenticatorDataHeader(counter), extensions);
            byte[] signature = signatureEdit.apply(sign(concat(authData, sha256(clientData))));
            return new AuthenticationResponse(rawId(), clientData, authData, signature, handle, Optional.empty());
        }

        /** The {@code credential.toJSON()} form a browser sends. */
        public JsonObject json() {
            AuthenticationResponse r = build();
            JsonObjectBuilder response = Json.createObjectBuilder()
                    .add("clientDataJSON", B64URL.encodeToString(r.clientDataJSON()))
                    .add("authenticatorData", B64URL.encodeToString(r.authenticatorData()))
                    .add("signature", B64URL.encodeToString(r.signature()));
            r.userHandle().ifPresent(h -> response.add("userHandle", B64URL.encodeToString(h)));
            return Json.createObjectBuilder()
                    .add("id", B64URL.encodeToString(r.credentialId()))
                    .add("rawId", B64URL.encodeToString(r.credentialId()))
                    .add("type", "public-key")
                    .add("authenticatorAttachment", "platform")
                    .add("clientExtensionResults", Json.createObjectBuilder())
                    .add("response", response)
                    .build();
        }
    }

    private byte[] sign(byte[] data) {
        return sign(keyPair.getPrivate(), algorithm, data);
    }

    private static byte[] sign(PrivateKey key, Algorithm algorithm, byte[] data) {
        try {
            Signature signature = Signature.getInstance(switch (algorithm) {
                case ES256 -> "SHA256withECDSA";
                case ES384 -> "SHA384withECDSA";
                case EDDSA -> "Ed25519";
                case RS256 -> "SHA256withRSA";
            });
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(Algorithm algorithm, int rsaBits) {
        try {
            KeyPairGenerator generator;
            switch (algorithm) {
                case ES256, ES384 -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec(algorithm == Algorithm.ES256 ? "secp256r1" : "secp384r1"));
                }
                case EDDSA -> generator = KeyPairGenerator.getInstance("Ed25519");
                case RS256 -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(new RSAKeyGenParameterSpec(rsaBits, RSAKeyGenParameterSpec.F4));
                }
                default -> throw new IllegalArgumentException(algorithm.name());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
