package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Defective attestation statements and credential public keys (SECURITY-CHECKLIST 7, 8 and 47): refused as
 * the request's fault, and nothing is stored.
 */
class AttestationAndKeyDefectsTest {

    private final CeremonyFixture rp = new CeremonyFixture();

    static Stream<Arguments> defectiveStatements() {
        return Stream.of(
                Arguments.of("fmt in the wrong case", "None", edit(s -> s)),
                Arguments.of("packed fmt in the wrong case", "Packed", edit(s -> s)),
                Arguments.of("none with a non-empty attStmt", "none", edit(s -> put(s, "sig", new byte[] {1, 2, 3}))),
                Arguments.of("packed with an empty attStmt", "packed", edit(s -> new LinkedHashMap<>())),
                Arguments.of("packed without alg", "packed", edit(s -> remove(s, "alg"))),
                Arguments.of("packed without sig", "packed", edit(s -> remove(s, "sig"))),
                Arguments.of("packed alg of the wrong type", "packed", edit(s -> put(s, "alg", "ES256"))),
                Arguments.of("packed sig of the wrong type", "packed", edit(s -> put(s, "sig", "signature"))),
                Arguments.of("packed self-attestation alg not the key's", "packed", edit(s -> put(s, "alg", -257))),
                Arguments.of("packed signature over other data", "packed",
                        edit(s -> put(s, "sig", flipLastBit((byte[]) s.get("sig"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defectiveStatements")
    void defectiveAttestationStatementsAreRefused(String name, String format, UnaryOperator<Map<String, Object>> edit) {
        SoftwareAuthenticator device = SoftwareAuthenticator.es256();

        expectRefused(rp.signUpAnswer(device, "alice").format(format).attestationStatement(edit));
    }

    static Stream<Arguments> defectiveKeys() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey p256 = (ECPublicKey) ec.generateKeyPair().getPublic();
        byte[] x = unsigned(p256.getW().getAffineX(), 32);
        byte[] y = unsigned(p256.getW().getAffineY(), 32);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        RSAPublicKey small = (RSAPublicKey) rsa.generateKeyPair().getPublic();
        return Stream.of(
                Arguments.of("EC2 key without y", cose(1, 2, 3, -7, -1, 1, -2, x)),
                Arguments.of("EC2 key without kty", cose(3, -7, -1, 1, -2, x, -3, y)),
                Arguments.of("EC2 key with an RS256 alg", cose(1, 2, 3, -257, -1, 1, -2, x, -3, y)),
                Arguments.of("RSA key with an ES256 alg", cose(1, 3, 3, -7, -1, unsigned(small.getModulus(), 128),
                        -2, unsigned(small.getPublicExponent(), 3))),
                Arguments.of("RSA key of 1024 bits", cose(1, 3, 3, -257, -1, unsigned(small.getModulus(), 128),
                        -2, unsigned(small.getPublicExponent(), 3))),
                Arguments.of("EC2 point not on the curve", cose(1, 2, 3, -7, -1, 1, -2, x, -3, flipLastBit(y))),
                Arguments.of("EC2 coordinate of the wrong length", cose(1, 2, 3, -7, -1, 1, -2, x, -3,
                        Arrays.copyOf(y, 31))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defectiveKeys")
    void defectiveCredentialPublicKeysAreRefused(String name, byte[] cose) {
        SoftwareAuthenticator device = SoftwareAuthenticator.es256();

        expectRefused(rp.signUpAnswer(device, "bob").publicKeyCose(cose));
    }

    private void expectRefused(SoftwareAuthenticator.Registration answer) {
        CeremonyException e = catchThrowableOfType(CeremonyException.class, () -> rp.finish(answer));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.failure()).as(e.auditReason())
                .isIn(CeremonyFailure.INVALID_REQUEST, CeremonyFailure.UNSUPPORTED_ALGORITHM);
        assertThat(rp.accounts.userCount()).isZero();
    }

    /** Types a lambda as an edit of the attestation statement. */
    private static UnaryOperator<Map<String, Object>> edit(UnaryOperator<Map<String, Object>> statement) {
        return statement;
    }

    private static Map<String, Object> put(Map<String, Object> statement, String key, Object value) {
        statement.put(key, value);
        return statement;
    }

    private static Map<String, Object> remove(Map<String, Object> statement, String key) {
        statement.remove(key);
        return statement;
    }

    private static byte[] flipLastBit(byte[] bytes) {
        byte[] flipped = bytes.clone();
        flipped[flipped.length - 1] ^= 1;
        return flipped;
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
        return fixed;
    }

    /** A COSE key as CBOR: a map of integer labels to integers or byte strings, in the given order. */
    private static byte[] cose(Object... labelsAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        head(out, 5, labelsAndValues.length / 2);
        for (Object item : labelsAndValues) {
            if (item instanceof Integer number) {
                head(out, number >= 0 ? 0 : 1, number >= 0 ? number : -1 - number);
            } else {
                byte[] bytes = (byte[]) item;
                head(out, 2, bytes.length);
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    private static void head(ByteArrayOutputStream out, int majorType, int argument) {
        if (argument < 24) {
            out.write(majorType << 5 | argument);
        } else if (argument < 256) {
            out.write(majorType << 5 | 24);
            out.write(argument);
        } else {
            out.write(majorType << 5 | 25);
            out.write(argument >> 8);
            out.write(argument);
        }
    }
}
