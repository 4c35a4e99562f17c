package org.jpasskeys.token;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys of the access tokens: the one that signs now, and every key whose tokens are still accepted
 * (the current one, and after a rotation the previous one, until its tokens have expired).
 *
 * @param signing      signs new tokens
 * @param verification verify tokens and make up the JWKS, the signing key first
 */
public record TokenKeys(SigningKey signing, List<SigningKey> verification) {

    public TokenKeys {
        Objects.requireNonNull(signing);
        verification = List.copyOf(verification);
        if (verification.isEmpty() || !verification.get(0).equals(signing)) {
            throw new IllegalArgumentException("the signing key comes first among the verification keys");
        }
        if (verification.stream().map(SigningKey::keyId).distinct().count() != verification.size()) {
            throw new IllegalArgumentException("token keys need distinct key ids");
        }
    }

    /** The key at {@code current} (created when absent) and, if configured, the previous key, which must exist. */
    public static TokenKeys load(Path current, Optional<Path> previous) {
        SigningKey signing = SigningKeyFile.loadOrCreate(current);
        List<SigningKey> verification = new ArrayList<>(List.of(signing));
        previous.map(SigningKeyFile::load).ifPresent(verification::add);
        return new TokenKeys(signing, verification);
    }
}
