package org.jpasskeys.assurance;

import java.util.List;

import org.jpasskeys.credential.StoredCredential;

/**
 * The assurance a passkey sign-in reaches (NIST SP 800-63B-4): AAL3 for a key that cannot leave its authenticator
 * (not backup eligible) whose verified attestation shows hardware key protection ({@link Attestation#hardware()});
 * AAL2 for every other passkey, user verification being required. {@code amr} (RFC 8176) names proof of possession, multiple factors,
 * and a hardware-secured ({@code hwk}) or otherwise software-secured ({@code swk}) key.
 *
 * @param aal the level, 2 or 3
 * @param acr {@code aal2} or {@code aal3}
 * @param amr the authentication method references
 */
public record PasskeyAssurance(int aal, String acr, List<String> amr) {

    public static final PasskeyAssurance AAL2 = new PasskeyAssurance(2, "aal2", List.of("pop", "mfa", "swk"));
    public static final PasskeyAssurance AAL3 = new PasskeyAssurance(3, "aal3", List.of("pop", "mfa", "hwk"));

    public static PasskeyAssurance of(StoredCredential credential) {
        return !credential.backupEligible() && credential.attestation().hardware() ? AAL3 : AAL2;
    }
}
