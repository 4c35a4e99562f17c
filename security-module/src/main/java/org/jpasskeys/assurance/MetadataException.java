package org.jpasskeys.assurance;

/** A metadata BLOB that was refused (malformed, badly signed, older than the one in use) or could not be read. */
public final class MetadataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MetadataException(String message) {
        super(message);
    }

    public MetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
