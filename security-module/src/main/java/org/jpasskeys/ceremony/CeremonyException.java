package org.jpasskeys.ceremony;

import java.util.Objects;

import org.jpasskeys.assurance.AuthenticatorPolicies;
import org.jpasskeys.credential.StoredCredential;

/**
 * The one exception of the ceremonies. {@link #detail()} is safe to show to the person;
 * {@link #auditReason()} may name what the answer hides (unknown credential, counter regression)
 * and goes to the audit log only.
 */
public final class CeremonyException extends RuntimeException {

    private final CeremonyFailure failure;
    private final String detail;
    private final String auditReason;
    private final boolean cloneSuspected;

    public CeremonyException(CeremonyFailure failure, String detail, String auditReason) {
        this(failure, detail, auditReason, false);
    }

    private CeremonyException(CeremonyFailure failure, String detail, String auditReason, boolean cloneSuspected) {
        super(failure.code() + ": " + auditReason, null, false, false);
        this.failure = Objects.requireNonNull(failure);
        this.detail = Objects.requireNonNull(detail);
        this.auditReason = Objects.requireNonNull(auditReason);
        this.cloneSuspected = cloneSuspected;
    }

    public CeremonyException(CeremonyFailure failure, String detail) {
        this(failure, detail, detail);
    }

    /** The same answer for every failure that depends on which accounts or credentials exist. */
    public static CeremonyException authenticationFailed(String auditReason) {
        return new CeremonyException(CeremonyFailure.AUTHENTICATION_FAILED,
                "The passkey could not be verified. Try again, or sign in another way.", auditReason);
    }

    /** A sign counter that did not advance: answered like any failure, audited as a possible cloned authenticator. */
    static CeremonyException counterRegression(String auditReason) {
        CeremonyException generic = authenticationFailed(auditReason);
        return new CeremonyException(generic.failure, generic.detail, auditReason, true);
    }

    /** A passkey that a policy of its account refuses; the audit log names the policy and the authenticator. */
    static CeremonyException notAllowed(AuthenticatorPolicies.Refusal refusal, StoredCredential credential) {
        return new CeremonyException(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED, refusal.detail(), "policy "
                + refusal.policy() + " refuses authenticator " + credential.aaguid() + " (attestation "
                + credential.attestation().format() + ", " + credential.attestation().trustRoot()
                .map(root -> "verified to " + root).orElse("not verified") + ", "
                + (credential.backupEligible() ? "synced" : "device-bound") + ")");
    }

    static CeremonyException invalidRequest(String detail) {
        return new CeremonyException(CeremonyFailure.INVALID_REQUEST, detail);
    }

    static CeremonyException challengeNotFound() {
        return new CeremonyException(CeremonyFailure.CHALLENGE_NOT_FOUND,
                "This sign-in or registration attempt has expired or was already used. Start again.");
    }

    public CeremonyFailure failure() {
        return failure;
    }

    public String detail() {
        return detail;
    }

    public String auditReason() {
        return auditReason;
    }

    /** Whether the failure suggests a cloned authenticator (sign counter regression). */
    public boolean cloneSuspected() {
        return cloneSuspected;
    }
}
