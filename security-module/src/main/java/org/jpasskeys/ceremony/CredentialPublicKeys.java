package org.jpasskeys.ceremony;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;

import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.Curve;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;

/**
 * The consistency of a new credential's public key, which webauthn4j leaves to the relying party: the
 * algorithm fits the key type and is one we offer, EC points lie on P-256, Ed25519 keys have 32 bytes,
 * RSA moduli have at least 2048 bits. A key that fails would be stored and only fail, or worse, later.
 */
final class CredentialPublicKeys {

    static final int MIN_RSA_BITS = 2048;
    private static final int P256_COORDINATE_BYTES = 32;
    private static final int ED25519_KEY_BYTES = 32;
    private static final EllipticCurve P256 = p256();

    private CredentialPublicKeys() {
    }

    /** @throws CeremonyException {@code invalid_request} naming what is wrong with the key */
    static void requireUsable(COSEKey key) {
        String problem = problemOf(key);
        if (problem != null) {
            throw CeremonyException.invalidRequest("The authenticator sent a public key that cannot be used ("
                    + problem + "). Try another passkey provider.");
        }
    }

    private static String problemOf(COSEKey key) {
        COSEAlgorithmIdentifier alg = key.getAlgorithm();
        if (key instanceof EC2COSEKey ec) {
            if (!COSEAlgorithmIdentifier.ES256.equals(alg) || ec.getCurve() != Curve.SECP256R1) {
                return "an EC key must be ES256 on P-256";
            }
            return onP256(ec.getX(), ec.getY()) ? null : "the EC point is not on P-256";
        }
        if (key instanceof EdDSACOSEKey ed) {
            boolean ed25519 = COSEAlgorithmIdentifier.EdDSA.equals(alg) && ed.getCurve() == Curve.ED25519;
            return ed25519 && ed.getX() != null && ed.getX().length == ED25519_KEY_BYTES ? null
                    : "an OKP key must be a 32-byte Ed25519 key";
        }
        if (key instanceof RSACOSEKey rsa) {
            if (!COSEAlgorithmIdentifier.RS256.equals(alg) || rsa.getN() == null || rsa.getE() == null) {
                return "an RSA key must be RS256 with a modulus and an exponent";
            }
            BigInteger exponent = new BigInteger(1, rsa.getE());
            if (new BigInteger(1, rsa.getN()).bitLength() < MIN_RSA_BITS) {
                return "the RSA modulus has fewer than " + MIN_RSA_BITS + " bits";
            }
            boolean oddAboveOne = exponent.testBit(0) && exponent.compareTo(BigInteger.ONE) > 0;
            return oddAboveOne ? null : "the RSA exponent is not valid";
        }
        return "unsupported key type";
    }

    /** y² = x³ + ax + b (mod p), with both coordinates of exactly 32 bytes and below p. */
    private static boolean onP256(byte[] xBytes, byte[] yBytes) {
        if (xBytes == null || yBytes == null || xBytes.length != P256_COORDINATE_BYTES
                || yBytes.length != P256_COORDINATE_BYTES) {
            return false;
        }
        BigInteger p = ((ECFieldFp) P256.getField()).getP();
        BigInteger x = new BigInteger(1, xBytes);
        BigInteger y = new BigInteger(1, yBytes);
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(P256.getA().multiply(x)).add(P256.getB()).mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    private static EllipticCurve p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class).getCurve();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }
}
