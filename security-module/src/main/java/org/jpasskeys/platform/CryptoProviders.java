package org.jpasskeys.platform;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.Config;

/**
 * Which JCA provider makes the module's signatures (the assertion's ES256/RS256/EdDSA verification by webauthn4j,
 * the access token's RS256 signature). The JDK's providers by default; with {@code passkeys.crypto.provider=accp}
 * and Amazon Corretto Crypto Provider in the application (or the server), that provider first, as its own
 * {@code install()} does: several times faster for both operations of a sign-in. When it is missing or its
 * native library does not load here, the JDK's providers serve unchanged and a warning says why. The provider
 * serving each algorithm is logged at start-up either way.
 */
public final class CryptoProviders {

    public static final String KEY = "passkeys.crypto.provider";
    static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    private static final String[] SIGNATURES = {"SHA256withECDSA", "SHA256withRSA", "Ed25519"};
    private static final Logger LOG = Logger.getLogger(CryptoProviders.class.getName());

    private CryptoProviders() {
    }

    /**
     * Applies {@value #KEY} ({@code jdk}, the default, or {@code accp}).
     *
     * @return the provider installed here, to be removed when the application stops
     */
    public static Optional<Provider> apply(Config config) {
        String choice = config.getOptionalValue(KEY, String.class).orElse("jdk").strip().toLowerCase(Locale.ROOT);
        Optional<Provider> installed = switch (choice) {
            case "jdk" -> Optional.empty();
            case "accp" -> installAccp(CryptoProviders.class.getClassLoader());
            default -> throw new IllegalArgumentException(KEY + " must be jdk or accp, not '" + choice + "'");
        };
        LOG.info(() -> "jpasskeys: signatures by " + describe());
        return installed;
    }

    /** Amazon Corretto Crypto Provider as the first provider, if it is on the class path and healthy here. */
    static Optional<Provider> installAccp(ClassLoader loader) {
        Provider accp;
        try {
            accp = (Provider) Class.forName(ACCP_CLASS, true, loader).getField("INSTANCE").get(null);
            Throwable loadingError = (Throwable) accp.getClass().getMethod("getLoadingError").invoke(accp);
            if (loadingError != null) {
                LOG.log(Level.WARNING, "jpasskeys: " + KEY + "=accp, but its native library does not load here; "
                        + "the JDK's providers serve", loadingError);
                return Optional.empty();
            }
            accp.getClass().getMethod("assertHealthy").invoke(accp);
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(Level.WARNING, "jpasskeys: " + KEY + "=accp, but Amazon Corretto Crypto Provider is not usable "
                    + "(add software.amazon.cryptools:AmazonCorrettoCryptoProvider to the application); the JDK's "
                    + "providers serve", e);
            return Optional.empty();
        }
        if (Security.getProvider(accp.getName()) != null) {
            return Optional.empty(); // the server's java.security has it already
        }
        Security.insertProviderAt(accp, 1);
        return Optional.of(accp);
    }

    /** Removes a provider that {@link #apply} installed (the application stops; its classes go with it). */
    public static void remove(Optional<Provider> installed) {
        installed.ifPresent(provider -> Security.removeProvider(provider.getName()));
    }

    /** For each signature algorithm of a sign-in, the provider that serves it now. */
    public static String describe() {
        StringBuilder text = new StringBuilder();
        for (String algorithm : SIGNATURES) {
            String provider;
            try {
                provider = Signature.getInstance(algorithm).getProvider().getName();
            } catch (NoSuchAlgorithmException e) {
                provider = "none";
            }
            text.append(text.isEmpty() ? "" : ", ").append(algorithm).append(' ').append(provider);
        }
        return text.toString();
    }
}
