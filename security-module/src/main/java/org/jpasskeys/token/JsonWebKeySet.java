package org.jpasskeys.token;

import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/** The RFC 7517 JWK Set of the token verification keys: public members only. */
public final class JsonWebKeySet {

    private final String json;

    public JsonWebKeySet(List<SigningKey> keys) {
        org.jose4j.jwk.JsonWebKeySet set = new org.jose4j.jwk.JsonWebKeySet();
        for (SigningKey key : keys) {
            RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
            jwk.setKeyId(key.keyId());
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            set.addJsonWebKey(jwk);
        }
        this.json = set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    public String toJson() {
        return json;
    }
}
