package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The administration API over real HTTP: an administrator revokes, disables and signs out, and it takes effect
 * at the victim's next request (this node forgets the account's standing at once); everyone else is untouched.
 */
@ExtendWith(ArquillianExtension.class)
class AdministrationIT {

    private static final String ADMIN = ApiClient.API + "admin/";
    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sample();
    }

    @ArquillianResource
    URL base;

    private ApiClient admin;

    @BeforeEach
    void signInTheAdministrator() {
        SoftwareAuthenticator key = OpsAdmin.key();
        OpsAdmin.enrolOnce(base);
        admin = new ApiClient(base);
        assertThat(admin.signIn(key).status()).isEqualTo(200);
    }

    @Test
    void revokingAPasskeyEndsTheVictimsSessionAndTokenAtTheirNextRequestAndNoOneElses() {
        Victim victim = Victim.signedUp(base, "vic");
        Victim bystander = Victim.signedUp(base, "bys");
        assertThat(victim.session.get("protected", null).status()).isEqualTo(200);
        assertThat(new ApiClient(base).get("protected", victim.token).status()).isEqualTo(200);

        Answer revoked = admin.delete("admin/users/" + victim.id + "/credentials/" + victim.key.credentialIdBase64Url());

        assertThat(revoked.status()).as(revoked.raw().body()).isEqualTo(204);
        assertThat(victim.session.get("protected", null).status()).as("the session").isEqualTo(401);
        assertThat(new ApiClient(base).get("protected", victim.token).status()).as("the token").isEqualTo(401);
        assertThat(new ApiClient(base).signIn(victim.key).status()).as("the passkey").isEqualTo(401);
        assertThat(bystander.session.get("protected", null).status()).isEqualTo(200);
        assertThat(new ApiClient(base).get("protected", bystander.token).status()).isEqualTo(200);
        assertThat(admin.get(ADMIN + "users/" + victim.id + "/credentials", null).raw().body()).isEqualTo("[]");
        assertThat(audit(victim.id, "PASSKEY_REVOKED").getString("detail"))
                .contains("revoked by administrator " + System.getProperty("it.ops.admin"));
    }

    @Test
    void aDisabledAccountCannotSignInByPasskeyOrPasswordUntilEnabledAndItsOldSessionsStayEnded() {
        Victim victim = Victim.signedUp(base, "dis");
        ApiClient byPassword = new ApiClient(base);
        Answer passwordSignUp = byPassword.postTo("api/password/sign-up", credentials(victim.username + "-pw"),
                "application/json");
        assertThat(passwordSignUp.status()).as(passwordSignUp.raw().body()).isEqualTo(200);
        String passwordUserId = passwordSignUp.json().getJsonObject("user").getString("id");

        assertThat(action(victim.id, "disable", "left the company").status()).isEqualTo(204);
        assertThat(action(passwordUserId, "disable", "").status()).isEqualTo(204);

        Answer passkey = new ApiClient(base).signIn(victim.key);
        assertThat(passkey.status()).as(passkey.raw().body()).isEqualTo(401);
        assertThat(passkey.code()).isEqualTo("authentication_failed");
        assertThat(newest("type=SIGN_IN_FAILED").getString("detail")).isEqualTo("account disabled");
        Answer password = new ApiClient(base).postTo("api/password/sign-in", credentials(victim.username + "-pw"),
                "application/json");
        assertThat(password.status()).isEqualTo(401);
        assertThat(password.code()).isEqualTo("authentication_failed");
        assertThat(victim.session.get("protected", null).status()).isEqualTo(401);
        assertThat(byPassword.get("protected", null).status()).isEqualTo(401);
        JsonObject listed = named(admin.get(ADMIN + "users?username=" + victim.username, null), victim.username);
        assertThat(listed.getBoolean("disabled")).isTrue();
        assertThat(audit(victim.id, "ACCOUNT_DISABLED").getString("detail")).endsWith(": left the company");

        assertThat(action(victim.id, "enable", "back").status()).isEqualTo(204);

        assertThat(new ApiClient(base).signIn(victim.key).status()).isEqualTo(200);
        assertThat(victim.session.get("protected", null).status()).as("ended sessions stay ended").isEqualTo(401);
        assertThat(new ApiClient(base).get("protected", victim.token).status()).isEqualTo(401);
    }

    @Test
    void aPasskeyWhoseCounterDoesNotAdvanceIsRefusedAndAuditedAsASuspectedClone() {
        // A sign-in has no transaction around it: this also fails if its counter update was not committed on its own.
        Victim victim = Victim.signedUp(base, "clo");
        victim.key.setSignCount(0);

        Answer cloned = new ApiClient(base).signIn(victim.key);

        assertThat(cloned.status()).as(cloned.raw().body()).isEqualTo(401);
        assertThat(cloned.code()).isEqualTo("authentication_failed");
        assertThat(newest("type=COUNTER_REGRESSION").getString("detail")).startsWith("sign counter did not advance");
    }

    @Test
    void signingOutEverywhereEndsEverySessionAndTokenButTheAccountSignsInAgain() {
        Victim victim = Victim.signedUp(base, "out");
        ApiClient otherDevice = new ApiClient(base);
        assertThat(otherDevice.signIn(victim.key).status()).isEqualTo(200);

        assertThat(action(victim.id, "sign-out", "lost laptop").status()).isEqualTo(204);

        assertThat(victim.session.get("protected", null).status()).isEqualTo(401);
        assertThat(otherDevice.get("protected", null).status()).isEqualTo(401);
        assertThat(new ApiClient(base).get("protected", victim.token).status()).isEqualTo(401);
        Answer again = new ApiClient(base).signIn(victim.key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(new ApiClient(base).get("protected", again.json().getString("accessToken")).status())
                .isEqualTo(200);
    }

    @Test
    void findsAccountsAndListsTheirPasskeys() {
        Victim victim = Victim.signedUp(base, "find");

        Answer found = admin.get(ADMIN + "users?username=" + victim.username.toUpperCase(), null);

        JsonObject account = named(found, victim.username);
        assertThat(account.getString("id")).isEqualTo(victim.id);
        assertThat(account.getString("username")).isEqualTo(victim.username);
        assertThat(account.getBoolean("disabled")).isFalse();
        assertThat(account.getInt("credentialCount")).isEqualTo(1);
        assertThat(account.getString("lastSignInAt")).isNotBlank();
        Answer passkeys = admin.get(ADMIN + "users/" + victim.id + "/credentials", null);
        assertThat(passkeys.raw().body()).contains(victim.key.credentialIdBase64Url());
        assertThat(admin.get(ADMIN + "users?username=%25", null).status()).as("a wildcard is a character").isEqualTo(200);
        assertThat(admin.get(ADMIN + "users/nobody/credentials", null).status()).isEqualTo(404);
        assertThat(action("nobody", "disable", "").status()).isEqualTo(404);
    }

    @Test
    void aMalformedOrMistakenChangeChangesNothingAndTheAttemptIsAudited() {
        Victim victim = Victim.signedUp(base, "safe");

        Answer trailingSlash = admin.delete("admin/users/" + victim.id + "/credentials/");
        assertThat(trailingSlash.status()).as("not a request to revoke them all").isEqualTo(404);
        Answer forgedLine = admin.post("admin/users/" + victim.id + "/disable",
                Json.createObjectBuilder().add("reason", "x\nSIGN_IN_SUCCEEDED forged").build());
        assertThat(forgedLine.status()).isEqualTo(400);
        assertThat(forgedLine.code()).isEqualTo("invalid_request");
        Answer unknownPasskey = admin.delete("admin/users/" + victim.id + "/credentials/AAAA");
        assertThat(unknownPasskey.status()).isEqualTo(404);
        Answer wrongMethod = admin.patch("admin/users/" + victim.id + "/disable", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo("method_not_allowed");

        assertThat(victim.session.get("protected", null).status()).as("the session").isEqualTo(200);
        assertThat(new ApiClient(base).get("protected", victim.token).status()).as("the token").isEqualTo(200);
        assertThat(new ApiClient(base).signIn(victim.key).status()).as("the passkey").isEqualTo(200);
        assertThat(audit(victim.id, "ADMINISTRATION_FAILED").getString("detail")).isEqualTo("administrator "
                + System.getProperty("it.ops.admin") + " could not revoke a passkey: not_found");
    }

    @Test
    void everyAdministrationEndpointRefusesOtherCallers() {
        Victim user = Victim.signedUp(base, "nosy");
        Victim target = Victim.signedUp(base, "tgt");
        List<String> reads = List.of("users?username=a", "users/" + target.id + "/credentials", "metrics");
        List<String> actions = List.of("disable", "enable", "sign-out");

        for (String read : reads) {
            assertThat(user.session.get(ADMIN + read, null).status()).as(read).isEqualTo(403);
            assertThat(new ApiClient(base).get(ADMIN + read, user.token).status()).as(read + " by token").isEqualTo(403);
            assertThat(new ApiClient(base).get(ADMIN + read, null).status()).as(read).isEqualTo(401);
        }
        for (String action : actions) {
            Answer refused = user.session.post("admin/users/" + target.id + "/" + action, JsonValue.EMPTY_JSON_OBJECT);
            assertThat(refused.status()).as(action).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        assertThat(user.session.delete("admin/users/" + target.id + "/credentials").status()).isEqualTo(403);
        assertThat(user.session.delete("admin/users/" + target.id + "/credentials/"
                + target.key.credentialIdBase64Url()).status()).isEqualTo(403);
        assertThat(target.session.get("protected", null).status()).as("nothing happened to the target").isEqualTo(200);
        assertThat(audit(target.id, "ADMINISTRATION_FAILED").getString("detail")).as("the attempt is on record")
                .startsWith(user.username + " (not an administrator) could not").endsWith(": forbidden");
        assertThat(new ApiClient(base).signIn(target.key).status()).isEqualTo(200);
    }

    @Test
    void administratorsSeeWhichAuthenticatorModelsHoldThePasskeys() {
        UUID model = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            SoftwareAuthenticator key = SoftwareAuthenticator.es256().withAaguid(model);
            assertThat(new ApiClient(base).signUp(i == 0 ? key : key.synced(), Deployments.uniqueUsername("mod"))
                    .status()).isEqualTo(201);
        }

        Answer models = admin.get(ADMIN + "authenticators", null);
        Answer anonymous = new ApiClient(base).get(ADMIN + "authenticators", null);

        assertThat(models.status()).as(models.raw().body()).isEqualTo(200);
        JsonObject ours = Json.createReader(new StringReader(models.raw().body())).readArray()
                .getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("aaguid").equals(model.toString())).findFirst().orElseThrow();
        assertThat(ours.getInt("passkeys")).isEqualTo(2);
        assertThat(ours.getInt("synced")).isEqualTo(1);
        assertThat(ours.getInt("attested")).isZero();
        assertThat(ours.isNull("authenticatorName")).as("a model no source names").isTrue();
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private Answer action(String userId, String action, String reason) {
        return admin.post("admin/users/" + userId + "/" + action, Json.createObjectBuilder().add("reason", reason).build());
    }

    private JsonObject audit(String userId, String type) {
        return newest("type=" + type + "&user=" + userId);
    }

    /** The newest audit event that {@code query} finds. */
    private JsonObject newest(String query) {
        Answer events = admin.get(ApiClient.API + "audit?" + query, null);
        assertThat(events.status()).as(events.raw().body()).isEqualTo(200);
        return events.json().getJsonArray("events").getJsonObject(0);
    }

    /** The one account named {@code username} in a search answer. */
    private static JsonObject named(Answer answer, String username) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        List<JsonObject> accounts = Json.createReader(new StringReader(answer.raw().body())).readArray()
                .getValuesAs(JsonObject.class).stream()
                .filter(account -> account.getString("username").equals(username)).toList();
        assertThat(accounts).hasSize(1);
        return accounts.get(0);
    }

    private static String credentials(String username) {
        return Json.createObjectBuilder().add("username", username).add("password", PASSWORD).build().toString();
    }

    /** An account with a passkey, signed in once in a browser session and holding that sign-in's token. */
    private record Victim(String id, String username, SoftwareAuthenticator key, ApiClient session, String token) {
        static Victim signedUp(URL base, String prefix) {
            SoftwareAuthenticator key = SoftwareAuthenticator.es256();
            String username = Deployments.uniqueUsername(prefix);
            assertThat(new ApiClient(base).signUp(key, username).status()).isEqualTo(201);
            ApiClient session = new ApiClient(base);
            Answer signIn = session.signIn(key);
            assertThat(signIn.status()).isEqualTo(200);
            return new Victim(signIn.json().getJsonObject("user").getString("id"), username, key, session,
                    signIn.json().getString("accessToken"));
        }
    }
}
