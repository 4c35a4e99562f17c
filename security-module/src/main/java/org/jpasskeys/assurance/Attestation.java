package org.jpasskeys.assurance;

import java.util.Objects;
import java.util.Optional;

/**
 * What a passkey's registration proved about its authenticator.
 *
 * @param format        the attestation statement format ({@code none}, {@code packed}, {@code tpm}, ...)
 * @param type          the attestation type; empty for passkeys registered before the module recorded it
 * @param trustRoot     the subject of the trust anchor the statement's certificate chain was verified to; empty
 *                      when it was not verified to one (no chain, or none of the anchors)
 * @param model         the authenticator model as the FIDO metadata entry that vouched for it names it
 * @param hardware      whether the verified attestation shows a key kept in hardware: a root of
 *                      {@code passkeys.attestation.trust-anchors}, or a metadata entry whose key protection is
 *                      hardware
 * @param modelVerified whether the AAGUID is vouched for, not only claimed: the chain led to the roots the
 *                      metadata lists for that model, or the attestation certificate names it
 */
public record Attestation(String format, Optional<AttestationType> type, Optional<String> trustRoot,
                          Optional<String> model, boolean hardware, boolean modelVerified) {

    /** The longest trust-root subject kept. */
    public static final int MAX_TRUST_ROOT_LENGTH = 512;
    /** The longest model name kept. */
    public static final int MAX_MODEL_LENGTH = 200;

    public Attestation {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(type, "type");
        trustRoot = trustRoot.map(root -> cut(root, MAX_TRUST_ROOT_LENGTH));
        model = model.map(name -> cut(name, MAX_MODEL_LENGTH));
        if ((hardware || modelVerified) && trustRoot.isEmpty()) {
            throw new IllegalArgumentException("only a verified attestation shows a hardware key or a model");
        }
    }

    /** An attestation that was not verified to any trust anchor. */
    public static Attestation unverified(String format, AttestationType type) {
        return new Attestation(format, Optional.of(type), Optional.empty(), Optional.empty(), false, false);
    }

    /** Whether an anchor the relying party trusts vouched for the authenticator. */
    public boolean trusted() {
        return trustRoot.isPresent();
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
