package org.jpasskeys.ceremony;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jpasskeys.credential.PasskeyShape;

/**
 * Stands in for the passkeys of a username that has none, so that username-first options do not tell whether an
 * account exists. A decoy takes the shape of a real account's passkeys (how many, their id lengths and transports):
 * the accounts of a sample are placed on a ring by a keyed hash of their id, and a username takes the shape of the
 * first account after its own place, with ids of those lengths derived from the username (HMAC-SHA256 under a
 * server-side secret). So decoys are drawn from what real accounts look like, the same for one username on every
 * request and every node that shares the secret and the sample, and a new account in the sample moves the decoys of
 * about one username in the sample's size. Without any account to copy, a decoy is one 32-byte platform passkey.
 */
public final class DecoyCredentials {

    /** How many accounts the shapes are sampled from. */
    public static final int SAMPLED_ACCOUNTS = 1_000;
    private static final Duration RESAMPLE_AFTER = Duration.ofHours(1);
    private static final List<PasskeyShape> WITHOUT_SAMPLE = List.of(new PasskeyShape(32, Set.of("hybrid",
            "internal")));

    /** The sampled shapes, placed on the ring. */
    private record Ring(long[] places, List<List<PasskeyShape>> shapes, long sampledAt) {
    }

    private final SecretKeySpec key;
    private final Supplier<Map<String, List<PasskeyShape>>> sample;
    private final LongSupplier nanoTime;
    private volatile Ring ring;

    /** Decoys of one platform passkey each, for a relying party with no accounts to sample. */
    public DecoyCredentials(byte[] secret) {
        this(secret, Map::of, System::nanoTime);
    }

    /**
     * @param sample   the passkey shapes of real accounts by account id (sampled again every hour)
     * @param nanoTime the clock of the resampling
     */
    public DecoyCredentials(byte[] secret, Supplier<Map<String, List<PasskeyShape>>> sample, LongSupplier nanoTime) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the decoy secret needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.sample = sample;
        this.nanoTime = nanoTime;
    }

    /** The allow-list shown for {@code username}, which has no passkeys. */
    List<PublicKeyCredentialDescriptor> allowCredentials(String username) {
        List<PasskeyShape> shapes = shapeFor(username);
        List<PublicKeyCredentialDescriptor> decoys = new ArrayList<>(shapes.size());
        for (int i = 0; i < shapes.size(); i++) {
            decoys.add(new PublicKeyCredentialDescriptor(bytes("credential " + i, username,
                    shapes.get(i).idLength()), shapes.get(i).transports()));
        }
        return decoys;
    }

    /** A user handle that belongs to no account, so that any answer to the decoy options fails. */
    byte[] userHandle(String username) {
        return mac("user-handle", username);
    }

    private List<PasskeyShape> shapeFor(String username) {
        Ring current = currentRing();
        if (current.places().length == 0) {
            return WITHOUT_SAMPLE;
        }
        int found = Arrays.binarySearch(current.places(), place("username", username));
        int next = found >= 0 ? found : -found - 1;
        return current.shapes().get(next == current.places().length ? 0 : next);
    }

    private Ring currentRing() {
        Ring current = ring;
        long now = nanoTime.getAsLong();
        if (current != null && now - current.sampledAt() < RESAMPLE_AFTER.toNanos()) {
            return current;
        }
        synchronized (this) {
            if (ring == current) {
                ring = sampled(now);
            }
            return ring;
        }
    }

    private Ring sampled(long now) {
        record Placed(long place, List<PasskeyShape> shapes) {
        }
        List<Placed> placed = sample.get().entrySet().stream()
                .filter(account -> !account.getValue().isEmpty())
                .map(account -> new Placed(place("account", account.getKey()), List.copyOf(account.getValue())))
                .sorted(Comparator.comparingLong(Placed::place))
                .toList();
        return new Ring(placed.stream().mapToLong(Placed::place).toArray(),
                placed.stream().map(Placed::shapes).toList(), now);
    }

    private long place(String purpose, String value) {
        return ByteBuffer.wrap(mac(purpose, value)).getLong();
    }

    /** {@code length} bytes from HMAC-SHA256 blocks over {@code purpose}, {@code username} and a block counter. */
    private byte[] bytes(String purpose, String username, int length) {
        byte[] out = new byte[length];
        for (int block = 0, offset = 0; offset < length; block++, offset += 32) {
            byte[] next = mac(purpose + " " + block, username);
            System.arraycopy(next, 0, out, offset, Math.min(32, length - offset));
        }
        return out;
    }

    private byte[] mac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no HmacSHA256 in this JVM", e);
        }
    }
}
