package org.jpasskeys.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An attestation CA for tests, as an authenticator maker runs one: a root, and attestation certificates for
 * models (the FIDO "packed" profile: OU "Authenticator Attestation", not a CA), valid 2020–2040.
 */
public final class AttestationCa {

    private static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2040-01-01T00:00:00Z");
    private static final AtomicLong SERIALS = new AtomicLong(1);

    private final KeyPair rootKey;
    private final X509Certificate root;

    private AttestationCa(String name) {
        rootKey = p256();
        X500Name subject = new X500Name("C=SE, O=" + name + ", CN=" + name + " Attestation Root");
        root = sign(new JcaX509v3CertificateBuilder(subject, serial(), Date.from(NOT_BEFORE), Date.from(NOT_AFTER),
                subject, rootKey.getPublic()), true, rootKey.getPrivate());
    }

    public static AttestationCa create(String name) {
        return new AttestationCa(name);
    }

    public X509Certificate root() {
        return root;
    }

    /** The root as PEM, for {@code passkeys.attestation.trust-anchors}. */
    public String rootPem() {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pem.toString();
    }

    /** A batch attestation key and its certificate for authenticators of {@code model}, not naming the AAGUID. */
    public Attester attester(String model) {
        return attester(model, null);
    }

    /** The same, its certificate naming the model's AAGUID in FIDO's extension (id-fido-gen-ce-aaguid). */
    public Attester attester(String model, UUID aaguid) {
        KeyPair key = p256();
        X500Name subject = new X500Name("C=SE, O=jpasskeys tests, OU=Authenticator Attestation, CN=" + model);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), serial(), Date.from(NOT_BEFORE),
                Date.from(NOT_AFTER), subject, key.getPublic());
        if (aaguid != null) {
            try {
                builder.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.45724.1.1.4"), false, new DEROctetString(
                        ByteBuffer.allocate(16).putLong(aaguid.getMostSignificantBits())
                                .putLong(aaguid.getLeastSignificantBits()).array()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Attester(key, sign(builder, false, rootKey.getPrivate()));
    }

    /**
     * What signs a {@code packed} attestation statement.
     *
     * @param key         the attestation key pair
     * @param certificate its certificate, issued by the CA's root
     */
    public record Attester(KeyPair key, X509Certificate certificate) {
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, boolean ca, PrivateKey issuerKey) {
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.getAndIncrement());
    }

    private static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
