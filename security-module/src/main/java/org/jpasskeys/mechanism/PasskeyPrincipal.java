package org.jpasskeys.mechanism;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.security.enterprise.CallerPrincipal;

/**
 * The signed-in caller: named by username, with the account id and how they authenticated.
 * Applications read it with {@code SecurityContext.getPrincipalsByType(PasskeyPrincipal.class)}.
 */
public final class PasskeyPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final String userId;
    private final String displayName;
    private final Instant authTime;
    private final String acr;
    private final List<String> amr;

    public PasskeyPrincipal(String userId, String username, String displayName, Instant authTime, String acr,
                            List<String> amr) {
        super(Objects.requireNonNull(username));
        this.userId = Objects.requireNonNull(userId);
        this.displayName = Objects.requireNonNull(displayName);
        this.authTime = Objects.requireNonNull(authTime);
        this.acr = Objects.requireNonNull(acr);
        this.amr = List.copyOf(amr);
    }

    public String userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public Instant authTime() {
        return authTime;
    }

    /** The assurance level reached, e.g. {@code aal2}. */
    public String acr() {
        return acr;
    }

    /** RFC 8176 authentication method references. */
    public List<String> amr() {
        return amr;
    }
}
