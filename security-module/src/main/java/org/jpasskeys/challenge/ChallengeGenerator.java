package org.jpasskeys.challenge;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes challenges and user handles: 32 bytes from a CSPRNG, base64url without padding. */
public final class ChallengeGenerator {

    /** Bytes of entropy in each challenge; WebAuthn asks for at least 16. */
    public static final int CHALLENGE_BYTES = 32;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public ChallengeGenerator() {
        this(new SecureRandom());
    }

    public ChallengeGenerator(SecureRandom random) {
        this.random = random;
    }

    /** A new challenge, base64url encoded. */
    public String newChallenge() {
        return BASE64URL.encodeToString(randomBytes(CHALLENGE_BYTES));
    }

    /** Fresh random bytes, e.g. for a user handle. */
    public byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
