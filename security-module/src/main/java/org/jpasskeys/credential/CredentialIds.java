package org.jpasskeys.credential;

import java.util.Base64;

/** The base64url form (no padding) in which the HTTP API and the store name credential ids and handles. */
public final class CredentialIds {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private CredentialIds() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Decodes strict base64url: the URL-safe alphabet, no padding, no white space. */
    public static byte[] decode(String text) {
        if (text.indexOf('=') >= 0 || text.indexOf('+') >= 0 || text.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not base64url without padding");
        }
        return DECODER.decode(text);
    }
}
