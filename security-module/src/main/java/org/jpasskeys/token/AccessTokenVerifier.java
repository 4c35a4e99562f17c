package org.jpasskeys.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.revocation.SignIn;

/**
 * Checks Bearer tokens with jose4j: RS256 only, a {@code kid} of our own keys (headers such as
 * {@code jwk}, {@code jku} and {@code x5u} are never followed), {@code typ: at+jwt}, issuer, audience,
 * and {@code exp}/{@code iat} against the clock.
 */
public final class AccessTokenVerifier {

    /** How far the clocks of the issuer and of this node may differ. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final PasskeysConfig config;
    private final TokenKeyRing keys;
    private final PerKeys<JwksVerificationKeyResolver> resolvers = new PerKeys<>(keys -> new JwksVerificationKeyResolver(
            keys.verification().stream().map(AccessTokenVerifier::jwk).toList()));
    private final Clock clock;

    public AccessTokenVerifier(PasskeysConfig config, TokenKeyRing keys, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    /** The token's claims, or empty when it is not a valid token of this issuer for this audience now. */
    public Optional<TokenSubject> verify(String token) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setVerificationKeyResolver(resolvers.of(keys.current()))
                .setExpectedType(true, AccessTokenIssuer.TYPE)
                .setExpectedIssuer(config.tokenIssuer())
                .setExpectedAudience(config.tokenAudience())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) CLOCK_SKEW.toSeconds())
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Object authTime = claims.getClaimValue("auth_time");
            String username = claims.getStringClaimValue("preferred_username");
            SignIn signIn = new SignIn(claims.getSubject(),
                    claims.getClaimValue(TokenSubject.SESSION_EPOCH_CLAIM, Long.class),
                    claims.getStringClaimValue("sid"), claims.getStringClaimValue(TokenSubject.PASSKEY_CLAIM),
                    Instant.ofEpochSecond(authTime instanceof Number n ? n.longValue()
                            : claims.getIssuedAt().getValue()));
            TokenSubject subject = new TokenSubject(signIn, username,
                    claims.hasClaim("name") ? claims.getStringClaimValue("name") : username,
                    claims.getStringClaimValue("acr"), claims.getStringListClaimValue("amr"),
                    claims.hasClaim("groups") ? Set.copyOf(claims.getStringListClaimValue("groups")) : Set.of());
            return Optional.of(subject);
        } catch (InvalidJwtException | MalformedClaimException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static JsonWebKey jwk(SigningKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
        jwk.setKeyId(key.keyId());
        return jwk;
    }
}
