package org.jpasskeys.revocation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an account may be signed in, and since when its earlier sign-ins are void.
 *
 * @param exists      false for an account that is gone: nothing of it is admitted
 * @param disabled    an administrator disabled it: no sign-in by any method
 * @param signedOutAt sessions and tokens from before this instant no longer count (revocation, sign-out
 *                    everywhere, disabling)
 */
public record AccountStanding(boolean exists, boolean disabled, Optional<Instant> signedOutAt) {

    public static final AccountStanding GONE = new AccountStanding(false, true, Optional.empty());

    public AccountStanding {
        Objects.requireNonNull(signedOutAt);
    }

    /** Whether a session or token of a sign-in at {@code signedInAt} still counts. */
    public boolean admits(Instant signedInAt) {
        return exists && !disabled && signedOutAt.map(signedInAt::isAfter).orElse(true);
    }
}
