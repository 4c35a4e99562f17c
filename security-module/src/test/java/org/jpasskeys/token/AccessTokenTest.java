package org.jpasskeys.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jpasskeys.config.AttestationPolicy;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.revocation.SignIn;
import org.jpasskeys.testing.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokenTest {

    @TempDir
    static Path dir;

    private static SigningKey key;
    private static SigningKey otherKey;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final PasskeysConfig config = config("https://rp.example", "portal");
    private final AccessTokenIssuer issuer = new AccessTokenIssuer(config, ring(key), clock);
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(config, ring(key), clock);
    private final TokenSubject alice = new TokenSubject(new SignIn("u-1", 7, "sid-1", "key-1",
            clock.instant()), "alice", "Alice Liddell", "aal2", List.of("pop", "mfa"),
            java.util.Set.of("user", "admin"));

    @BeforeAll
    static void keys() {
        key = SigningKeyFile.loadOrCreate(dir.resolve("a/key.pem"));
        otherKey = SigningKeyFile.loadOrCreate(dir.resolve("b/key.pem"));
    }

    @Test
    void issuedTokenHasTheRfc9068HeaderAndClaimsAndVerifies() {
        AccessToken token = issuer.issue(alice);

        String header = decode(token.value().split("\\.")[0]);
        String payload = decode(token.value().split("\\.")[1]);
        assertThat(header).contains("\"typ\":\"at+jwt\"", "\"alg\":\"RS256\"", "\"kid\":\"" + key.keyId() + "\"");
        assertThat(payload).contains("\"iss\":\"https://rp.example\"", "\"sub\":\"u-1\"", "\"aud\":\"portal\"",
                "\"client_id\":\"portal\"", "\"jti\"", "\"iat\"", "\"exp\"", "\"auth_time\"", "\"acr\":\"aal2\"",
                "\"session_epoch\":7", "\"amr\":[\"pop\",\"mfa\"]", "\"sid\":\"sid-1\"", "\"passkey_id\":\"key-1\"",
                "\"name\":\"Alice Liddell\"");
        assertThat(token.expiresInSeconds()).isEqualTo(900);
        assertThat(verifier.verify(token.value())).hasValueSatisfying(v -> {
            assertThat(v.userId()).isEqualTo("u-1");
            assertThat(v.username()).isEqualTo("alice");
            assertThat(v.acr()).isEqualTo("aal2");
            assertThat(v.groups()).containsExactlyInAnyOrder("user", "admin");
            assertThat(v.signIn()).isEqualTo(alice.signIn());
            assertThat(v.displayName()).isEqualTo("Alice Liddell");
        });
    }

    @Test
    void expiredTokenIsRefused() {
        AccessToken token = issuer.issue(alice);
        clock.advance(Duration.ofMinutes(15).plusSeconds(31));

        assertThat(verifier.verify(token.value())).isEmpty();
    }

    @Test
    void tokenOfAnotherIssuerOrAudienceIsRefused() {
        String otherIssuer = new AccessTokenIssuer(config("https://evil.example", "portal"), ring(key), clock)
                .issue(alice).value();
        String otherAudience = new AccessTokenIssuer(config("https://rp.example", "other"), ring(key), clock)
                .issue(alice).value();

        assertThat(verifier.verify(otherIssuer)).isEmpty();
        assertThat(verifier.verify(otherAudience)).isEmpty();
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRefused() {
        String foreign = new AccessTokenIssuer(config, ring(otherKey), clock).issue(alice).value();

        assertThat(verifier.verify(foreign)).isEmpty();
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = issuer.issue(alice).value().split("\\.");
        String payload = decode(parts[1]).replace("\"sub\":\"u-1\"", "\"sub\":\"u-2\"");

        assertThat(verifier.verify(parts[0] + "." + encode(payload) + "." + parts[2])).isEmpty();
    }

    @Test
    void unsignedTokenIsRefused() {
        String payload = issuer.issue(alice).value().split("\\.")[1];
        String header = encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + key.keyId() + "\"}");

        assertThat(verifier.verify(header + "." + payload + ".")).isEmpty();
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + key.keyId() + "\"}");
        String payload = issuer.issue(alice).value().split("\\.")[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.publicKey().getEncoded(), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));

        assertThat(verifier.verify(header + "." + payload + "." + signature)).isEmpty();
    }

    @Test
    void wrongTypeOrPathLikeKidIsRefused() {
        String[] parts = issuer.issue(alice).value().split("\\.");
        String jwtType = encode(decode(parts[0]).replace("at+jwt", "JWT"));
        String pathKid = encode(decode(parts[0]).replace(key.keyId(), "../../etc/passwd"));

        assertThat(verifier.verify(jwtType + "." + parts[1] + "." + parts[2])).isEmpty();
        assertThat(verifier.verify(pathKid + "." + parts[1] + "." + parts[2])).isEmpty();
        assertThat(verifier.verify("not a token")).isEmpty();
    }

    @Test
    void afterARotationThePreviousKeysTokensStillVerifyAndBothKeysArePublished() {
        String beforeRotation = new AccessTokenIssuer(config, ring(otherKey), clock).issue(alice).value();
        TokenKeys rotated = TokenKeys.load(dir.resolve("a/key.pem"), Optional.of(dir.resolve("b/key.pem")));
        AccessTokenVerifier verifier = new AccessTokenVerifier(config, TokenKeyRing.fixed(rotated), clock);

        assertThat(rotated.signing().keyId()).isEqualTo(key.keyId());
        assertThat(verifier.verify(beforeRotation)).isPresent();
        assertThat(verifier.verify(issuer.issue(alice).value())).isPresent();
        assertThat(new JsonWebKeySet(TokenKeyRing.fixed(rotated)).toJson())
                .contains(key.keyId(), otherKey.keyId());
    }

    @Test
    void aMissingPreviousKeyIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TokenKeys.load(dir.resolve("a/key.pem"),
                Optional.of(dir.resolve("missing.pem")))).hasMessageContaining("missing.pem");
    }

    @Test
    void jwksHoldsPublicMembersOnly() {
        String jwks = new JsonWebKeySet(ring(key)).toJson();

        assertThat(jwks).contains("\"kid\":\"" + key.keyId() + "\"", "\"n\"", "\"e\"");
        assertThat(jwks).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
    }

    @Test
    void signingKeyFileIsOwnerOnlyAndReloadsTheSameKey() throws Exception {
        Path file = dir.resolve("c/key.pem");
        SigningKey first = SigningKeyFile.loadOrCreate(file);

        assertThat(SigningKeyFile.loadOrCreate(file).keyId()).isEqualTo(first.keyId());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.publicKey().getModulus().bitLength()).isGreaterThanOrEqualTo(2048);
    }

    @Test
    void embeddedOrReferencedKeysInTheHeaderAreIgnored() throws Exception {
        String payload = decode(issuer.issue(alice).value().split("\\.")[1]);
        JsonWebSignature jws = signedBy(otherKey, payload);
        jws.setJwkHeader(new RsaJsonWebKey(otherKey.publicKey()));
        jws.setHeader("jku", "https://evil.example/jwks.json");
        jws.setHeader("x5u", "https://evil.example/cert.pem");

        assertThat(verifier.verify(jws.getCompactSerialization())).isEmpty();
        jws.setKeyIdHeaderValue(key.keyId());
        assertThat(verifier.verify(jws.getCompactSerialization())).as("our kid, another key").isEmpty();
    }

    @Test
    void aTokenWithoutExpiryOrNotYetValidIsRefused() throws Exception {
        String payload = decode(issuer.issue(alice).value().split("\\.")[1]);
        String withoutExp = payload.replaceAll("\"exp\":\\d+,?", "");
        String notYetValid = payload.replace("{", "{\"nbf\":" + clock.instant().plusSeconds(600).getEpochSecond() + ",");

        assertThat(withoutExp).doesNotContain("\"exp\"");
        assertThat(verifier.verify(signedBy(key, withoutExp).getCompactSerialization())).isEmpty();
        assertThat(verifier.verify(signedBy(key, notYetValid).getCompactSerialization())).isEmpty();
        assertThat(verifier.verify(signedBy(key, payload).getCompactSerialization())).as("the control").isPresent();
    }

    @Test
    void aRetiredKeysTokensAreRefusedAndKidsAreUnique() {
        String byRetiredKey = new AccessTokenIssuer(config, ring(otherKey), clock).issue(alice).value();
        AccessTokenVerifier afterRetirement = new AccessTokenVerifier(config,
                TokenKeyRing.fixed(TokenKeys.load(dir.resolve("a/key.pem"), Optional.empty())), clock);

        assertThat(afterRetirement.verify(byRetiredKey)).isEmpty();
        TokenKeys both = new TokenKeys(key, List.of(key, otherKey));
        assertThat(new JsonWebKeySet(TokenKeyRing.fixed(both)).toJson().split("\"kid\"")).hasSize(3);
        assertThat(key.keyId()).isNotEqualTo(otherKey.keyId());
    }

    /** A token as this module would issue it (RS256, at+jwt, kid), over any payload and with any key. */
    private static JsonWebSignature signedBy(SigningKey signer, String payload) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "at+jwt");
        jws.setKeyIdHeaderValue(signer.keyId());
        jws.setKey(signer.privateKey());
        return jws;
    }

    private static PasskeysConfig config(String issuer, String audience) {
        return new PasskeysConfig("rp.example", "RP", java.util.Set.of("https://rp.example"), "/api", "/", 16384,
                Duration.ofMinutes(5), 1000, false, AttestationPolicy.NONE, 10, Duration.ofMinutes(15), issuer,
                audience, Duration.ofMinutes(15), Path.of("unused"), Optional.empty(), Duration.ofDays(90), PasskeysConfig.developmentDefaults().operations(),
            PasskeysConfig.developmentDefaults().rateLimit(),
            PasskeysConfig.developmentDefaults().state(),
            PasskeysConfig.developmentDefaults().tokenKeyStore(), PasskeysConfig.developmentDefaults().assurance());
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static TokenKeyRing ring(SigningKey key) {
        return TokenKeyRing.fixed(new TokenKeys(key, List.of(key)));
    }
}
