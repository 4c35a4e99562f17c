package org.jpasskeys.ceremony;

/**
 * An anonymous caller's request to create an account with a passkey.
 *
 * @param username    the unique name to sign up with
 * @param displayName the name to show; the username when blank
 * @param crossDevice create the passkey on another device (the browser's "use a phone" QR code)
 */
public record SignUpRequest(String username, String displayName, boolean crossDevice) {
}
