package org.jpasskeys.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jpasskeys.testing.MutableClock;
import org.jpasskeys.state.LocalOneTimeValues;
import org.junit.jupiter.api.Test;

class SecondFactorChallengesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SecondFactorChallenges tokens = new SecondFactorChallenges(
            new LocalOneTimeValues(Duration.ofMinutes(5), 100, clock), Duration.ofMinutes(5), new ChallengeGenerator(),
            clock);

    @Test
    void aTokenNamesItsAccountOnce() {
        String token = tokens.issue("u-1");

        assertThat(tokens.redeem(token)).contains("u-1");
        assertThat(tokens.redeem(token)).isEmpty();
    }

    @Test
    void anExpiredOrUnknownTokenNamesNoAccount() {
        String token = tokens.issue("u-1");
        clock.advance(Duration.ofMinutes(5));

        assertThat(tokens.redeem(token)).isEmpty();
        assertThat(tokens.redeem("made-up")).isEmpty();
    }

    @Test
    void tokensAreDistinct() {
        assertThat(tokens.issue("u-1")).isNotEqualTo(tokens.issue("u-1"));
    }
}
