package org.jpasskeys.admin;

import java.util.Objects;
import java.util.UUID;

/**
 * The passkeys of one authenticator model (AAGUID), for administrators who need to know which authenticators
 * hold their users' keys.
 *
 * @param aaguid   the model; all zero when the authenticators did not disclose it
 * @param passkeys how many passkeys of that model are registered
 * @param synced   how many of them can be synced to other devices (backup eligible)
 * @param attested how many were verified to a trust anchor at registration
 * @param hardware how many of those are hardware-bound keys (AAL3 when not synced)
 */
public record AuthenticatorModelSummary(UUID aaguid, long passkeys, long synced, long attested, long hardware) {

    public AuthenticatorModelSummary {
        Objects.requireNonNull(aaguid, "aaguid");
    }
}
