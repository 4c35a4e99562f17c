package org.jpasskeys.credential;

/** A unique value (credential id, username) is taken already; nothing was written. */
public final class DuplicateException extends RuntimeException {

    /** Which unique value collided. */
    public enum Kind { CREDENTIAL_ID, USERNAME }

    private final Kind kind;

    public DuplicateException(Kind kind) {
        super(kind + " is already registered", null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
