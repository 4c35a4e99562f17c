package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;

import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usernames that would display exactly like another one are refused (RFC 8265's disallowed code points). */
class UsernamesTest {

    private final CeremonyFixture rp = new CeremonyFixture();

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200B", "00AD", "2060", "202E", "200E", "200D", "FEFF", "2066", "061C", "180E", "FE0F",
        "3164", "115F", "034F", "E0041", "2028", "E000", "0378"})
    void aNameWithAnInvisibleOrUnassignedCodePointIsRefusedAndNothingStored(String codePoint) {
        rp.signUp(SoftwareAuthenticator.es256(), "alice");
        String lookalike = "al" + Character.toString(Integer.parseInt(codePoint, 16)) + "ice";

        CeremonyException e = rp.expectMalformed(CeremonyFailure.INVALID_REQUEST,
                () -> rp.signUpAnswer(SoftwareAuthenticator.es256(), lookalike));

        assertThat(e.detail()).contains("invisible");
        assertThat(rp.accounts.userCount()).isOne();
        assertThat(rp.challenges.pendingCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Dave.Ops", "josé", "müller", "用户", "o'brien", "a-b_c@example.com"})
    void ordinaryNamesAreKept(String name) {
        assertThat(Usernames.normalize(name)).isEqualTo(java.text.Normalizer.normalize(name,
                java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT));
    }
}
