package org.jpasskeys.config;

import java.net.URI;
import java.util.regex.Pattern;

/** The origins a relying party accepts: web origins, and Android apps named by their signing key hash. */
final class Origins {

    /** {@code android:apk-key-hash:} and the base64url SHA-256 of the app's signing certificate. */
    private static final Pattern ANDROID_APP = Pattern.compile("android:apk-key-hash:[A-Za-z0-9_-]{43}");

    private Origins() {
    }

    static boolean isAndroidApp(String origin) {
        return ANDROID_APP.matcher(origin).matches();
    }

    /** Checks a web origin or an Android app origin. */
    static void requireOrigin(String origin, String key) {
        if (!isAndroidApp(origin)) {
            requireWebOrigin(origin, key);
        }
    }

    /** Checks {@code scheme://host[:port]}, http or https, nothing else. */
    static void requireWebOrigin(String origin, String key) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + origin + "' is not an origin", e);
        }
        boolean plain = uri.getScheme() != null && uri.getHost() != null && uri.getRawPath().isEmpty()
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!plain || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException(key + ": '" + origin + "' must be scheme://host[:port] with no path, "
                    + "e.g. https://example.com" + (key.equals("passkeys.rp.origins")
                    ? ", or an Android app as android:apk-key-hash:<base64url SHA-256 of its signing certificate>"
                    : ""));
        }
    }
}
