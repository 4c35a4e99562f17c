package org.jpasskeys.revocation;

/**
 * Whether an account may be signed in, and which of its sign-ins still count.
 *
 * @param exists       false for an account that is gone: nothing of it is admitted
 * @param disabled     an administrator disabled it: no sign-in by any method
 * @param sessionEpoch the account's sign-in generation: revoking a passkey, signing out everywhere and disabling
 *                     each add one, which voids every session and token stamped with an earlier one. A counter
 *                     the database increments, not a time, so that nodes whose clocks differ agree
 */
public record AccountStanding(boolean exists, boolean disabled, long sessionEpoch) {

    /** The session epoch of a new account. */
    public static final long FIRST_SESSION_EPOCH = 0;

    public static final AccountStanding GONE = new AccountStanding(false, true, -1);

    /** Whether the account may sign in now. */
    public boolean maySignIn() {
        return exists && !disabled;
    }

    /** Whether a session or token stamped with {@code epoch} at its sign-in still counts. */
    public boolean admits(long epoch) {
        return maySignIn() && epoch == sessionEpoch;
    }
}
