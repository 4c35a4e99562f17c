package org.jpasskeys.credential;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An account that can hold passkeys.
 *
 * @param id          stable account id, used as the token subject
 * @param userHandle  the WebAuthn {@code user.id}: 32 random bytes, never the username or a database key
 * @param username    unique sign-in name
 * @param displayName the name shown to the person
 * @param createdAt   when the account was created
 */
public record UserAccount(String id, byte[] userHandle, String username, String displayName, Instant createdAt) {

    /** The longest user handle WebAuthn allows. */
    public static final int MAX_USER_HANDLE_BYTES = 64;

    public UserAccount {
        Objects.requireNonNull(id, "id");
        userHandle = Objects.requireNonNull(userHandle, "userHandle").clone();
        if (userHandle.length == 0 || userHandle.length > MAX_USER_HANDLE_BYTES) {
            throw new IllegalArgumentException("a user handle has 1 to 64 bytes");
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public byte[] userHandle() {
        return userHandle.clone();
    }

    public boolean hasUserHandle(byte[] candidate) {
        return java.security.MessageDigest.isEqual(userHandle, candidate);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserAccount that && id.equals(that.id) && Arrays.equals(userHandle, that.userHandle)
                && username.equals(that.username) && displayName.equals(that.displayName)
                && createdAt.equals(that.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Arrays.hashCode(userHandle), username, displayName, createdAt);
    }
}
