package org.jpasskeys.platform;

import java.util.Objects;

import org.eclipse.microprofile.config.Config;

/**
 * Where the module's tables live: {@code passkeys.datasource.class-name}, {@code .url}, {@code .user},
 * {@code .password}. The default is an embedded H2 file below the user's home, for a first start with nothing
 * to set; production sets all four (or, on Open Liberty, binds a server data source instead).
 */
public record DataSourceSettings(String className, String url, String user, String password) {

    public static final String PREFIX = "passkeys.datasource";

    public static final DataSourceSettings EMBEDDED_DEFAULT = new DataSourceSettings(
            "org.h2.jdbcx.JdbcDataSource", "jdbc:h2:file:~/.jpasskeys/jpasskeys", "sa", "jpasskeys");

    public DataSourceSettings {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(url, "url");
    }

    /** Each key falls back to the embedded default on its own; an empty user or password stays empty. */
    public static DataSourceSettings read(Config config, String prefix) {
        DataSourceSettings d = EMBEDDED_DEFAULT;
        return new DataSourceSettings(
                config.getOptionalValue(prefix + ".class-name", String.class).orElse(d.className()),
                config.getOptionalValue(prefix + ".url", String.class).orElse(d.url()),
                config.getOptionalValue(prefix + ".user", String.class).orElse(d.user()),
                config.getOptionalValue(prefix + ".password", String.class).orElse(d.password()));
    }

    /** The URL without what follows its first {@code ;} or {@code ?} (drivers put passwords there). */
    public String redactedUrl() {
        int cut = url.length();
        for (char separator : new char[] {';', '?'}) {
            int at = url.indexOf(separator);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return url.substring(0, cut);
    }

    @Override
    public String toString() {
        return "DataSourceSettings[" + className + ", " + redactedUrl() + ", user " + user + "]";
    }
}
