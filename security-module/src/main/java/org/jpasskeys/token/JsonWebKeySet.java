package org.jpasskeys.token;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/** The RFC 7517 JWK Set of the token verification keys now: public members only. */
public final class JsonWebKeySet {

    private final TokenKeyRing keys;
    private final PerKeys<String> json = new PerKeys<>(JsonWebKeySet::toJson);

    public JsonWebKeySet(TokenKeyRing keys) {
        this.keys = keys;
    }

    public String toJson() {
        return json.of(keys.current());
    }

    private static String toJson(TokenKeys keys) {
        org.jose4j.jwk.JsonWebKeySet set = new org.jose4j.jwk.JsonWebKeySet();
        for (SigningKey key : keys.verification()) {
            RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
            jwk.setKeyId(key.keyId());
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            set.addJsonWebKey(jwk);
        }
        return set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
