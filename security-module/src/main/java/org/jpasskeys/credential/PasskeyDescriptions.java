package org.jpasskeys.credential;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.assurance.MetadataEntry;
import ua_parser.CachingParser;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Words a person recognises for a passkey: the authenticator's name and icon from its AAGUID (the FIDO metadata in
 * use, else a table of names shipped with the module, so it works offline) and the device it was made on, from the
 * registering browser's User-Agent (ua-parser).
 */
public final class PasskeyDescriptions {

    private static final String TABLE = "/org/jpasskeys/credential/aaguids.json";
    private static final UUID NOT_DISCLOSED = new UUID(0, 0);

    private final Map<UUID, String> names;
    private final AuthenticatorMetadata metadata;
    private final Parser userAgents = new CachingParser();

    public PasskeyDescriptions(AuthenticatorMetadata metadata) {
        this.names = readTable();
        this.metadata = metadata;
    }

    /** The authenticator model's name; empty for the all-zero AAGUID and for models neither source knows. */
    public Optional<String> authenticatorName(UUID aaguid) {
        if (aaguid.equals(NOT_DISCLOSED)) {
            return Optional.empty();
        }
        return metadata.find(aaguid).map(MetadataEntry::description).filter(name -> !name.isEmpty())
                .or(() -> Optional.ofNullable(names.get(aaguid)));
    }

    /** The model's icon as the FIDO metadata gives it (a {@code data:} URL). */
    public Optional<String> authenticatorIcon(UUID aaguid) {
        return aaguid.equals(NOT_DISCLOSED) ? Optional.empty() : metadata.find(aaguid).flatMap(MetadataEntry::icon);
    }

    /** "Chrome on Windows", or empty when the User-Agent tells neither browser nor system. */
    public Optional<String> device(Optional<String> userAgent) {
        return userAgent.map(userAgents::parse).flatMap(PasskeyDescriptions::describe);
    }

    private static Optional<String> describe(Client client) {
        String browser = known(client.userAgent.family);
        String system = known(client.os.family);
        if (browser == null && system == null) {
            return Optional.empty();
        }
        if (browser == null || system == null) {
            return Optional.of(browser == null ? system : browser);
        }
        return Optional.of(browser + " on " + system);
    }

    private static String known(String family) {
        return family == null || family.equals("Other") ? null : family;
    }

    private static Map<UUID, String> readTable() {
        try (InputStream in = PasskeyDescriptions.class.getResourceAsStream(TABLE);
             JsonReader reader = JSON.createReader(in)) {
            JsonObject table = reader.readObject();
            Map<UUID, String> byAaguid = new HashMap<>();
            table.forEach((aaguid, name) -> byAaguid.put(UUID.fromString(aaguid), ((JsonString) name).getString()));
            return Map.copyOf(byAaguid);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
    }
}
