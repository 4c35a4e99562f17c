package org.jpasskeys.ceremony;

/** Copies for the byte arrays that the immutable values of this package hold. */
final class Bytes {

    private Bytes() {
    }

    static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }
}
