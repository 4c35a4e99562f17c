package org.jpasskeys.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import org.jpasskeys.state.LocalOneTimeValues;
import org.jpasskeys.testing.MutableClock;
import org.junit.jupiter.api.Test;

class SharedChallengeStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalOneTimeValues values = new LocalOneTimeValues(Duration.ofMinutes(5), 100, clock);
    private final SharedChallengeStore store = new SharedChallengeStore(values);
    private final ChallengeGenerator generator = new ChallengeGenerator();

    @Test
    void aChallengeComesBackWithEverythingItIsBoundToOnce() {
        PendingChallenge signUp = new PendingChallenge(generator.newChallenge(), CeremonyType.REGISTRATION,
                Optional.of(new ChallengeUser(generator.randomBytes(32), "zoë", "Zoë 🙂")),
                Set.of("https://example.com", "android:apk-key-hash:" + "X".repeat(43)),
                clock.instant().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS));
        PendingChallenge usernameless = new PendingChallenge(generator.newChallenge(), CeremonyType.AUTHENTICATION,
                Optional.empty(), Set.of("https://example.com"), clock.instant().plus(Duration.ofMinutes(5)));
        store.put(signUp);
        store.put(usernameless);

        assertThat(store.take(signUp.challenge())).contains(signUp);
        assertThat(store.take(usernameless.challenge())).contains(usernameless);
        assertThat(store.take(signUp.challenge())).isEmpty();
    }

    @Test
    void challengesAndSecondFactorTokensDoNotMeet() {
        SecondFactorChallenges tokens = new SecondFactorChallenges(values, Duration.ofMinutes(5), generator, clock);
        String token = tokens.issue("u-1");

        assertThat(store.take(token)).isEmpty();
        assertThat(tokens.redeem(token)).contains("u-1");
    }
}
