package org.jpasskeys.challenge;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.io.StringReader;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import org.jpasskeys.state.OneTimeValues;

/**
 * The {@link ChallengeStore} of a cluster: pending challenges as JSON in shared {@link OneTimeValues}, so that an
 * answer verifies on any node and is taken at most once across all of them.
 */
public final class SharedChallengeStore implements ChallengeStore {

    static final String PREFIX = "challenge:";

    private final OneTimeValues values;

    public SharedChallengeStore(OneTimeValues values) {
        this.values = values;
    }

    @Override
    public void put(PendingChallenge challenge) {
        values.put(PREFIX + challenge.challenge(), encode(challenge), challenge.expiresAt());
    }

    @Override
    public Optional<PendingChallenge> take(String challenge) {
        return values.take(PREFIX + challenge).map(json -> decode(challenge, json));
    }

    @Override
    public long pendingCount() {
        // Not known without asking every node (see ChallengeStore#pendingCount).
        return -1;
    }

    static String encode(PendingChallenge challenge) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("ceremony", challenge.ceremony().name())
                .add("origins", JSON.createArrayBuilder(challenge.origins()))
                .add("expiresAt", challenge.expiresAt().toEpochMilli());
        challenge.user().ifPresent(user -> json.add("user", JSON.createObjectBuilder()
                .add("handle", Base64.getUrlEncoder().withoutPadding().encodeToString(user.userHandle()))
                .add("username", user.username())
                .add("displayName", user.displayName())));
        return json.build().toString();
    }

    static PendingChallenge decode(String challenge, String text) {
        JsonObject json = JSON.createReader(new StringReader(text)).readObject();
        Optional<ChallengeUser> user = Optional.ofNullable(json.getJsonObject("user")).map(u -> new ChallengeUser(
                Base64.getUrlDecoder().decode(u.getString("handle")), u.getString("username"),
                u.getString("displayName")));
        Set<String> origins = Set.copyOf(json.getJsonArray("origins").getValuesAs(JsonString::getString));
        return new PendingChallenge(challenge, CeremonyType.valueOf(json.getString("ceremony")), user, origins,
                java.time.Instant.ofEpochMilli(json.getJsonNumber("expiresAt").longValue()));
    }
}
