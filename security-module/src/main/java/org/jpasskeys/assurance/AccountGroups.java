package org.jpasskeys.assurance;

import java.util.Set;

/** The groups of the account with a username, as the application's identity stores tell them; they choose its policies. */
@FunctionalInterface
public interface AccountGroups {

    /** No groups: only the default policy applies. */
    AccountGroups NONE = username -> Set.of();

    Set<String> of(String username);
}
