package org.jpasskeys.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The signing key as a PKCS#8 PEM file ({@code passkeys.token.key-location}). When the file is absent a
 * key is generated and written there (owner-only), so that tokens survive a restart.
 */
public final class SigningKeyFile {

    private static final Logger LOG = Logger.getLogger(SigningKeyFile.class.getName());
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private SigningKeyFile() {
    }

    public static SigningKey loadOrCreate(Path location) {
        if (!Files.exists(location)) {
            try {
                create(location);
            } catch (FileAlreadyExistsException raced) {
                // Another node or thread wrote it first: use theirs.
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the token signing key to " + location, e);
            }
        }
        return load(location);
    }

    /** Loads an existing key; a missing or unreadable file is an error. */
    public static SigningKey load(Path location) {
        try {
            String pem = Files.readString(location, StandardCharsets.US_ASCII);
            int begin = pem.indexOf(BEGIN);
            int end = pem.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new IllegalStateException(location + " is not a PKCS#8 PEM private key");
            }
            return SigningKey.fromPkcs8(Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token signing key " + location, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(location + " does not hold an RSA private key", e);
        }
    }

    private static void create(Path location) throws IOException {
        byte[] der = SigningKey.generatePkcs8();
        String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n" + END + "\n";
        Path parent = location.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".signing-key", ".tmp");
        try {
            if (Files.getFileStore(parent).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, pem, StandardCharsets.US_ASCII);
            Files.move(temp, location);
        } finally {
            Files.deleteIfExists(temp);
        }
        LOG.warning(() -> "jpasskeys: no token signing key at " + location + "; generated a new RSA key there. "
                + "Set passkeys.token.key-location to a managed key in production.");
    }
}
