package org.jpasskeys.challenge;

import java.util.Arrays;
import java.util.Objects;

/**
 * The account a challenge is bound to: an existing one, or on sign-up the one that will be created.
 *
 * @param userHandle  the WebAuthn {@code user.id}
 * @param username    the account's unique name
 * @param displayName the name shown to the person
 */
public record ChallengeUser(byte[] userHandle, String username, String displayName) {

    public ChallengeUser {
        userHandle = Objects.requireNonNull(userHandle, "userHandle").clone();
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
    }

    @Override
    public byte[] userHandle() {
        return userHandle.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChallengeUser that && Arrays.equals(userHandle, that.userHandle)
                && username.equals(that.username) && displayName.equals(that.displayName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(userHandle), username, displayName);
    }
}
