package org.jpasskeys.token;

import java.util.Optional;

/**
 * The token keys in force now. With key files they are the files read at start-up; with the database key store
 * they follow rotations made on any node.
 */
public interface TokenKeyRing {

    /** The keys now; the same instance for as long as they do not change. */
    TokenKeys current();

    /**
     * Creates the next signing key, published at once and signing once every node has it; empty when this key
     * store rotates by its files ({@code passkeys.token.previous-key-location}).
     */
    default Optional<KeyRotation> rotate() {
        return Optional.empty();
    }

    /** Keys that never change while the application runs. */
    static TokenKeyRing fixed(TokenKeys keys) {
        return () -> keys;
    }
}
