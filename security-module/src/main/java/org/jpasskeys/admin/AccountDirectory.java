package org.jpasskeys.admin;

import java.util.List;
import java.util.Optional;

/** Finds accounts for administrators. */
public interface AccountDirectory {

    /** At most {@code max} accounts whose username contains {@code part} (ignoring case), by username. */
    List<AccountSummary> search(String part, int max);

    Optional<AccountSummary> find(String userId);

    /** Every authenticator model that holds passkeys, the most used first. */
    List<AuthenticatorModelSummary> authenticatorModels();
}
