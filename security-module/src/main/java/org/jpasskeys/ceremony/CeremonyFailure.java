package org.jpasskeys.ceremony;

/**
 * Why a ceremony was refused. Each has the stable {@code code} of the HTTP contract; the HTTP edge
 * chooses the status. Failures that depend on which accounts or credentials exist are all
 * {@link #AUTHENTICATION_FAILED}, so the answer never tells them apart.
 */
public enum CeremonyFailure {
    INVALID_REQUEST("invalid_request"),
    UNAUTHENTICATED("unauthenticated"),
    /** Signed in, but not recently enough for this change: confirm with a passkey (step-up) or sign in again. */
    REAUTHENTICATION_REQUIRED("reauthentication_required"),
    CHALLENGE_NOT_FOUND("challenge_not_found"),
    ORIGIN_MISMATCH("origin_mismatch"),
    RP_ID_MISMATCH("rp_id_mismatch"),
    USER_VERIFICATION_REQUIRED("user_verification_required"),
    USER_PRESENCE_REQUIRED("user_presence_required"),
    UNSUPPORTED_ALGORITHM("unsupported_algorithm"),
    AUTHENTICATION_FAILED("authentication_failed"),
    CREDENTIAL_ALREADY_REGISTERED("credential_already_registered"),
    CREDENTIAL_LIMIT_REACHED("credential_limit_reached"),
    USERNAME_TAKEN("username_taken"),
    NOT_FOUND("not_found"),
    LAST_CREDENTIAL("last_credential"),
    /** The passkey's authenticator does not meet a policy of the account ({@code passkeys.policy.*}). */
    AUTHENTICATOR_NOT_ALLOWED("authenticator_not_allowed");

    private final String code;

    CeremonyFailure(String code) {
        this.code = code;
    }

    /** The {@code code} member of the problem details. */
    public String code() {
        return code;
    }
}
