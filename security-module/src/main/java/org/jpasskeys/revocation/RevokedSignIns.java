package org.jpasskeys.revocation;

import java.util.Set;

/**
 * What ended one account's single sign-ins lately: sign-outs (by sign-in id) and deleted passkeys (by credential
 * id). Kept while a token of such a sign-in could still be valid.
 */
public record RevokedSignIns(Set<String> signInIds, Set<String> passkeyIds) {

    public static final RevokedSignIns NONE = new RevokedSignIns(Set.of(), Set.of());

    public RevokedSignIns {
        signInIds = Set.copyOf(signInIds);
        passkeyIds = Set.copyOf(passkeyIds);
    }

    /** Whether {@code signIn} was ended by its sign-out or by the deletion of its passkey. */
    boolean ended(SignIn signIn) {
        return signInIds.contains(signIn.id()) || signIn.passkey().filter(passkeyIds::contains).isPresent();
    }
}
