package org.jpasskeys.assurance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The FIDO metadata in use ({@code passkeys.attestation.metadata-location}, a file or an HTTPS URL): read at
 * start-up and again once its {@code nextUpdate} is reached. A BLOB that is refused (bad signature, chain not to
 * the metadata root, older than the one in use, or overdue by more than {@link #MAX_OVERDUE}) never replaces the
 * one in use.
 */
public final class AuthenticatorMetadata {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How long past its {@code nextUpdate} a BLOB is still accepted: the service publishes monthly, so an older one
     * missed two updates and may hide their compromise reports (and, after a restart, may be a replay).
     */
    static final Period MAX_OVERDUE = Period.ofDays(31);

    private final Optional<String> location;
    private final MetadataBlobReader reader;
    private final Function<String, String> fetch;
    private final Clock clock;
    private final AtomicReference<MetadataBlob> current = new AtomicReference<>();

    AuthenticatorMetadata(Optional<String> location, MetadataBlobReader reader, Function<String, String> fetch,
                          Clock clock) {
        this.location = Objects.requireNonNull(location);
        this.reader = reader;
        this.fetch = fetch;
        this.clock = clock;
    }

    /** Metadata from {@code location}, verified to {@code reader}'s roots. */
    public static AuthenticatorMetadata from(String location, MetadataBlobReader reader, Clock clock) {
        return new AuthenticatorMetadata(Optional.of(location), reader, AuthenticatorMetadata::fetch, clock);
    }

    /** No metadata: attestation is judged by the configured trust anchors alone. */
    public static AuthenticatorMetadata none() {
        return new AuthenticatorMetadata(Optional.empty(), null, where -> {
            throw new IllegalStateException("no metadata location");
        }, Clock.systemUTC());
    }

    public Optional<String> location() {
        return location;
    }

    /** The BLOB in use, if one was accepted. */
    public Optional<MetadataBlob> current() {
        return Optional.ofNullable(current.get());
    }

    /** What the metadata in use says of {@code aaguid}. */
    public Optional<MetadataEntry> find(UUID aaguid) {
        return current().flatMap(blob -> blob.find(aaguid));
    }

    /** Whether the BLOB should be read (again): none yet, or its {@code nextUpdate} has come. */
    public boolean due() {
        MetadataBlob blob = current.get();
        return location.isPresent() && (blob == null || !LocalDate.now(clock).isBefore(blob.nextUpdate()));
    }

    /**
     * Reads the BLOB from its location and puts it in use, unless it is the one in use (the same number).
     *
     * @return the BLOB now in use
     * @throws MetadataException when it cannot be read or is refused; the BLOB in use stays
     */
    public synchronized MetadataBlob refresh() {
        String where = location.orElseThrow(() -> new IllegalStateException("no metadata location"));
        String text = fetch.apply(where);
        MetadataBlob blob;
        try {
            blob = reader.read(text, clock.instant());
        } catch (MetadataException e) {
            throw new MetadataException("the metadata BLOB from " + where + " was refused: " + e.getMessage(), e);
        }
        if (blob.nextUpdate().plus(MAX_OVERDUE).isBefore(LocalDate.now(clock))) {
            throw new MetadataException("the metadata BLOB from " + where + " was refused: its next update was due on "
                    + blob.nextUpdate() + ", more than " + MAX_OVERDUE.getDays() + " days ago");
        }
        MetadataBlob inUse = current.get();
        if (inUse != null && blob.number() <= inUse.number()) {
            if (blob.number() == inUse.number()) {
                return inUse; // not published yet
            }
            throw new MetadataException("the metadata BLOB from " + where + " was refused: its number " + blob.number()
                    + " is lower than that of the one in use (" + inUse.number() + "), so it may be a replay");
        }
        current.set(blob);
        return blob;
    }

    private static String fetch(String location) {
        try {
            if (location.startsWith("https://")) {
                HttpClient client = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(location))
                        .timeout(FETCH_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new MetadataException("cannot read the metadata BLOB from " + location + ": HTTP "
                            + answer.statusCode());
                }
                return answer.body();
            }
            return Files.readString(Path.of(location));
        } catch (IOException e) {
            throw new MetadataException("cannot read the metadata BLOB from " + location + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetadataException("interrupted while reading the metadata BLOB from " + location, e);
        }
    }
}
