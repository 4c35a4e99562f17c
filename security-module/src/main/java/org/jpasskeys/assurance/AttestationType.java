package org.jpasskeys.assurance;

import java.util.Locale;

/** How an authenticator vouched for a new passkey (WebAuthn §6.5.4 attestation types). */
public enum AttestationType {
    /** No attestation statement ({@code none}). */
    NONE,
    /** Signed by the new credential's own key: proves nothing about the authenticator. */
    SELF,
    /** Signed by an attestation key shared by a batch of authenticators of one model. */
    BASIC,
    /** Signed by a key certified by an attestation CA for this authenticator (TPM). */
    ATT_CA,
    /** Signed by a per-credential certificate from an anonymising CA (Apple). */
    ANON_CA;

    /** As stored and shown: {@code none}, {@code self}, {@code basic}, {@code attca}, {@code anonca}. */
    public String code() {
        return name().replace("_", "").toLowerCase(Locale.ROOT);
    }

    public static AttestationType ofCode(String code) {
        for (AttestationType type : values()) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown attestation type '" + code + "'");
    }

    /**
     * The type of a verified statement, as its format defines it: {@code packed} is self attestation without a
     * certificate and basic with one (a relying party cannot tell basic from AttCA by the statement alone), TPM
     * is AttCA and Apple's anonymous format AnonCA.
     */
    public static AttestationType of(String format, boolean hasCertificates) {
        return switch (format) {
            case "none" -> NONE;
            case "packed" -> hasCertificates ? BASIC : SELF;
            case "tpm" -> ATT_CA;
            case "apple" -> ANON_CA;
            default -> BASIC; // fido-u2f, android-key, android-safetynet
        };
    }
}
