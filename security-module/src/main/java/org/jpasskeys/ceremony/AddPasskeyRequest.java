package org.jpasskeys.ceremony;

import java.util.Objects;

/**
 * A signed-in caller's request to add a passkey to their account.
 *
 * @param userId      the caller's account
 * @param crossDevice create the passkey on another device (the browser's "use a phone" QR code)
 */
public record AddPasskeyRequest(String userId, boolean crossDevice) {

    public AddPasskeyRequest {
        Objects.requireNonNull(userId);
    }
}
