package org.jpasskeys.token;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.jpasskeys.config.PasskeysConfig;

/** Issues RS256 JWT access tokens in the RFC 9068 profile ({@code typ: at+jwt}). */
public final class AccessTokenIssuer {

    /** RFC 9068 media type of JWT access tokens. */
    public static final String TYPE = "at+jwt";

    private final PasskeysConfig config;
    private final TokenKeyRing keys;
    private final Clock clock;

    public AccessTokenIssuer(PasskeysConfig config, TokenKeyRing keys, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    public AccessToken issue(TokenSubject subject) {
        SigningKey key = keys.current().signing();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(config.tokenLifetime());
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(config.tokenIssuer())
                .subject(subject.userId())
                .audience(config.tokenAudience())
                .claim("client_id", config.tokenAudience())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .claim("auth_time", subject.authTime().getEpochSecond())
                .claim("acr", subject.acr())
                .claim("amr", subject.amr())
                .groups(subject.groups())
                .claim(TokenSubject.SESSION_EPOCH_CLAIM, subject.signIn().sessionEpoch())
                .claim("sid", subject.signIn().id())
                .preferredUserName(subject.username())
                .claim("name", subject.displayName());
        subject.signIn().passkey().ifPresent(passkey -> claims.claim(TokenSubject.PASSKEY_CLAIM, passkey));
        String token = claims.jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(key.keyId())
                .header("typ", TYPE)
                .sign(key.privateKey());
        return new AccessToken(token, issuedAt, expiresAt);
    }
}
