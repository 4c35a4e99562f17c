package org.jpasskeys.assurance;

import java.util.Objects;
import java.util.Optional;

/**
 * What a passkey's registration proved about its authenticator.
 *
 * @param format    the attestation statement format ({@code none}, {@code packed}, {@code tpm}, ...)
 * @param type      the attestation type; empty for passkeys registered before the module recorded it
 * @param trustRoot the subject of the trust anchor the statement's certificate chain was verified to; empty when
 *                  it was not verified to one (no chain, or none of the configured anchors)
 */
public record Attestation(String format, Optional<AttestationType> type, Optional<String> trustRoot) {

    /** The longest trust-root subject kept. */
    public static final int MAX_TRUST_ROOT_LENGTH = 512;

    public Attestation {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trustRoot, "trustRoot");
        trustRoot = trustRoot.map(root -> root.length() <= MAX_TRUST_ROOT_LENGTH ? root
                : root.substring(0, MAX_TRUST_ROOT_LENGTH));
    }

    /** A passkey registered without attestation. */
    public static Attestation none() {
        return new Attestation("none", Optional.of(AttestationType.NONE), Optional.empty());
    }

    /** Whether an anchor the relying party trusts vouched for the authenticator. */
    public boolean trusted() {
        return trustRoot.isPresent();
    }
}
