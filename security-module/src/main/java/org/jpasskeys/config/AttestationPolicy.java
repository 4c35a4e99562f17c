package org.jpasskeys.config;

/** What the relying party asks of an authenticator's attestation ({@code passkeys.registration.attestation}). */
public enum AttestationPolicy {
    /** No attestation is requested; "none" and packed self-attestation are accepted. */
    NONE("none"),
    /** Attestation is requested and conveyed; its trust path is not yet evaluated against a metadata service. */
    DIRECT("direct");

    private final String conveyance;

    AttestationPolicy(String conveyance) {
        this.conveyance = conveyance;
    }

    /** The {@code attestation} member of the creation options. */
    public String conveyance() {
        return conveyance;
    }

    static AttestationPolicy parse(String value) {
        for (AttestationPolicy policy : values()) {
            if (policy.conveyance.equalsIgnoreCase(value.strip())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("passkeys.registration.attestation must be none or direct, not '" + value + "'");
    }
}
