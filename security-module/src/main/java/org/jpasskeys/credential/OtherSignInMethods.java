package org.jpasskeys.credential;

/**
 * Whether an account can sign in without passkeys (e.g. with a password the application keeps). An
 * application that offers such a way provides this as a CDI bean; then the account's last passkey may be
 * deleted. Without one, the last passkey is kept, since it is the only way in.
 */
@FunctionalInterface
public interface OtherSignInMethods {

    /** No way in but passkeys: the default. */
    OtherSignInMethods NONE = account -> false;

    boolean existFor(UserAccount account);
}
