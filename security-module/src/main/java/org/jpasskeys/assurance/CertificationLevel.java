package org.jpasskeys.assurance;

import java.util.Optional;

/** FIDO authenticator certification levels, in order ({@code passkeys.policy.*.min-certification}). */
public enum CertificationLevel {
    FIDO_CERTIFIED_L1("FIDO_CERTIFIED_L1"),
    FIDO_CERTIFIED_L1_PLUS("FIDO_CERTIFIED_L1plus"),
    FIDO_CERTIFIED_L2("FIDO_CERTIFIED_L2"),
    FIDO_CERTIFIED_L2_PLUS("FIDO_CERTIFIED_L2plus"),
    FIDO_CERTIFIED_L3("FIDO_CERTIFIED_L3"),
    FIDO_CERTIFIED_L3_PLUS("FIDO_CERTIFIED_L3plus");

    private final String status;

    CertificationLevel(String status) {
        this.status = status;
    }

    /** As the metadata's status reports write it. */
    public String status() {
        return status;
    }

    /** The level a status report names; {@code FIDO_CERTIFIED} alone is level 1. */
    static Optional<CertificationLevel> ofStatus(String status) {
        if (status.equals("FIDO_CERTIFIED")) {
            return Optional.of(FIDO_CERTIFIED_L1);
        }
        for (CertificationLevel level : values()) {
            if (level.status.equals(status)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** A configured level: the status name, in either case ({@code FIDO_CERTIFIED_L1}, {@code fido_certified_l2plus}). */
    public static CertificationLevel parse(String value) {
        for (CertificationLevel level : values()) {
            if (level.status.equalsIgnoreCase(value.strip()) || level.name().equalsIgnoreCase(value.strip())) {
                return level;
            }
        }
        throw new IllegalArgumentException("expected one of FIDO_CERTIFIED_L1, L1plus, L2, L2plus, L3, L3plus");
    }

    public boolean atLeast(CertificationLevel minimum) {
        return compareTo(minimum) >= 0;
    }
}
