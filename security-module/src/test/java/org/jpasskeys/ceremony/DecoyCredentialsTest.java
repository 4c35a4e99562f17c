package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.jpasskeys.credential.PasskeyShape;
import org.junit.jupiter.api.Test;

/**
 * Decoys look like real accounts: their shapes (number of passkeys, id lengths, transports) come in the same
 * proportions as the sampled accounts', the same for one username every time, and hardly move when accounts come.
 */
class DecoyCredentialsTest {

    private static final byte[] SECRET = new byte[32];
    private static final List<PasskeyShape> PHONE = List.of(new PasskeyShape(16, Set.of("hybrid", "internal")));
    private static final List<PasskeyShape> PHONE_AND_LAPTOP = List.of(new PasskeyShape(16, Set.of("hybrid",
            "internal")), new PasskeyShape(20, Set.of("internal")));
    private static final List<PasskeyShape> SECURITY_KEY = List.of(new PasskeyShape(64, Set.of("nfc", "usb")));
    private static final int NAMES = 20_000;

    private final Map<String, List<PasskeyShape>> accounts = new LinkedHashMap<>();

    DecoyCredentialsTest() {
        for (int i = 0; i < 1_000; i++) {
            accounts.put("account-" + i, i % 10 < 6 ? PHONE : i % 10 < 9 ? PHONE_AND_LAPTOP : SECURITY_KEY);
        }
    }

    @Test
    void decoysComeInTheProportionsOfRealAccounts() {
        DecoyCredentials decoys = new DecoyCredentials(SECRET, () -> accounts, System::nanoTime);

        Map<List<PasskeyShape>, Long> seen = new HashMap<>();
        for (int i = 0; i < NAMES; i++) {
            seen.merge(shape(decoys.allowCredentials("unknown-" + i)), 1L, Long::sum);
        }

        assertThat(seen.keySet()).as("only shapes real accounts have").containsExactlyInAnyOrder(PHONE,
                PHONE_AND_LAPTOP, SECURITY_KEY);
        Map<List<PasskeyShape>, Double> real = Map.of(PHONE, 0.6, PHONE_AND_LAPTOP, 0.3, SECURITY_KEY, 0.1);
        real.forEach((shape, share) -> {
            double decoyShare = seen.get(shape) / (double) NAMES;
            System.out.printf("decoy share of %d passkey(s) %s: %.3f (real accounts: %.3f)%n", shape.size(),
                    shape.stream().map(PasskeyShape::idLength).toList(), decoyShare, share);
            assertThat(decoyShare).as("share of %s", shape).isBetween(share - 0.05, share + 0.05);
        });
    }

    @Test
    void oneUsernameGetsTheSameDecoysOnEveryRequestAndNode() {
        DecoyCredentials node = new DecoyCredentials(SECRET, () -> accounts, System::nanoTime);
        DecoyCredentials otherNode = new DecoyCredentials(SECRET, () -> new LinkedHashMap<>(accounts),
                System::nanoTime);

        List<PublicKeyCredentialDescriptor> first = node.allowCredentials("nobody");

        assertThat(ids(node.allowCredentials("nobody"))).isEqualTo(ids(first));
        assertThat(ids(otherNode.allowCredentials("nobody"))).isEqualTo(ids(first));
        assertThat(ids(node.allowCredentials("somebody-else"))).isNotEqualTo(ids(first));
        assertThat(first).allSatisfy(decoy -> assertThat(decoy.id()).isNotEqualTo(new byte[decoy.id().length]));
    }

    @Test
    void aNewAccountMovesTheDecoysOfFewUsernames() {
        AtomicLong now = new AtomicLong();
        DecoyCredentials decoys = new DecoyCredentials(SECRET, () -> Map.copyOf(accounts), now::get);
        List<List<PasskeyShape>> before = shapes(decoys);

        accounts.put("account-new", SECURITY_KEY);
        now.addAndGet(Duration.ofHours(2).toNanos());
        List<List<PasskeyShape>> after = shapes(decoys);

        long moved = 0;
        for (int i = 0; i < NAMES; i++) {
            moved += before.get(i).equals(after.get(i)) ? 0 : 1;
        }
        System.out.printf("one account more moved the decoy shapes of %d of %d usernames%n", moved, NAMES);
        assertThat(moved).isLessThan(NAMES / 100);
    }

    @Test
    void withoutAccountsADecoyIsOnePlatformPasskey() {
        assertThat(new DecoyCredentials(SECRET).allowCredentials("nobody")).singleElement()
                .satisfies(decoy -> assertThat(decoy.id()).hasSize(32));
    }

    private static List<List<PasskeyShape>> shapes(DecoyCredentials decoys) {
        return java.util.stream.IntStream.range(0, NAMES)
                .mapToObj(i -> shape(decoys.allowCredentials("unknown-" + i))).toList();
    }

    private static List<PasskeyShape> shape(List<PublicKeyCredentialDescriptor> decoys) {
        return decoys.stream().map(d -> new PasskeyShape(d.id().length, d.transports())).toList();
    }

    private static List<String> ids(List<PublicKeyCredentialDescriptor> decoys) {
        return decoys.stream().map(d -> java.util.HexFormat.of().formatHex(d.id())).collect(Collectors.toList());
    }
}
