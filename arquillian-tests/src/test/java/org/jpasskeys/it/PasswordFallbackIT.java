package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample's password fallback (Jakarta Security's database store) next to passkeys, over real HTTP. */
@ExtendWith(ArquillianExtension.class)
class PasswordFallbackIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sample();
    }

    @ArquillianResource
    URL base;

    @Test
    void passwordSignUpAndSignInReachAal1AndTheTokenSaysSo() {
        String username = Deployments.uniqueUsername("pam");
        Answer signUp = signUp(new ApiClient(base), username, PASSWORD);
        assertThat(signUp.status()).as(signUp.raw().body()).isEqualTo(200);
        assertThat(signUp.json().getString("authMethod")).isEqualTo("password");
        assertThat(signUp.json().getInt("aal")).isEqualTo(1);

        ApiClient browser = new ApiClient(base);
        Answer signIn = signIn(browser, username.toUpperCase(), PASSWORD);
        assertThat(signIn.status()).as(signIn.raw().body()).isEqualTo(200);
        Answer withToken = new ApiClient(base).get("protected", signIn.json().getString("accessToken"));
        assertThat(withToken.json().getString("caller")).isEqualTo(username);
        assertThat(withToken.json().getString("acr")).isEqualTo("aal1");
        assertThat(withToken.json().getJsonArray("amr").getString(0)).isEqualTo("pwd");
        assertThat(browser.get("protected", null).json().getString("authMethod")).isEqualTo("password");
        assertThat(browser.get("account/", null).status()).isEqualTo(200);
        assertThat(browser.get("account/admin.html", null).status()).as("the audit page is for admins").isEqualTo(403);

        assertThat(browser.postTo("api/sign-out", "{}", "application/json").status()).isEqualTo(204);
        assertThat(browser.get("protected", null).status()).as("signed out").isEqualTo(401);
    }

    @Test
    void aWrongPasswordAndAnUnknownUsernameGetTheSameAnswerAndNoSession() {
        String username = Deployments.uniqueUsername("quinn");
        signUp(new ApiClient(base), username, PASSWORD);

        ApiClient wrong = new ApiClient(base);
        Answer wrongPassword = signIn(wrong, username, "not the password");
        Answer unknownUser = signIn(new ApiClient(base), Deployments.uniqueUsername("nobody"), PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.raw().body()).isEqualTo(unknownUser.raw().body());
        assertThat(wrongPassword.code()).isEqualTo("authentication_failed");
        assertThat(wrong.get("protected", null).status()).isEqualTo(401);
    }

    @Test
    void aSignedInSessionIsNotSignedInAgainByAWrongPassword() {
        // Undertow (WildFly) does not ask the mechanism again for a request its session already authenticated.
        String username = Deployments.uniqueUsername("rita");
        ApiClient signedIn = new ApiClient(base);
        assertThat(signUp(signedIn, username, PASSWORD).status()).isEqualTo(200);

        Answer wrongPassword = signIn(signedIn, username, "not the password");

        assertThat(wrongPassword.status()).as(wrongPassword.raw().body()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("authentication_failed");
        assertThat(signIn(signedIn, username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aRefusedSignUpStoresNothing() {
        String username = Deployments.uniqueUsername("ray");
        ApiClient client = new ApiClient(base);

        Answer tooShort = signUp(client, username, "short");
        Answer notJson = client.postTo("api/password/sign-up", "username=" + username + "&password=" + PASSWORD,
                "application/x-www-form-urlencoded");

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.code()).isEqualTo("invalid_request");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(signIn(client, username, "short").status()).isEqualTo(401);
        assertThat(signUp(client, username, PASSWORD).status()).as("the username is still free").isEqualTo(200);
        Answer taken = signUp(new ApiClient(base), username, PASSWORD + "!");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("username_taken");
        assertThat(signIn(new ApiClient(base), username, PASSWORD + "!").status()).isEqualTo(401);
    }

    @Test
    void aPasswordAccountAddsAPasskeySignsInWithItAndMayDeleteItsLastPasskey() {
        String username = Deployments.uniqueUsername("sam");
        ApiClient client = new ApiClient(base);
        signUp(client, username, PASSWORD);
        SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();

        Answer added = client.post("verify-registration",
                client.registrationAnswer(laptop, JsonValue.EMPTY_JSON_OBJECT).json());
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        Answer byPasskey = new ApiClient(base).signIn(laptop);
        assertThat(byPasskey.status()).isEqualTo(200);
        assertThat(byPasskey.json().getJsonObject("user").getString("username")).isEqualTo(username);
        assertThat(byPasskey.json().getString("authMethod")).isEqualTo("passkey");

        Answer deleted = client.delete("credentials/" + laptop.credentialIdBase64Url());
        assertThat(deleted.status()).as("the password still lets the person in").isEqualTo(204);
        assertThat(new ApiClient(base).signIn(laptop).status()).isEqualTo(401);
        assertThat(signIn(new ApiClient(base), username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void everySignInGetsANewSessionIdAndTheOldOneIsWorthNothing() {
        String username = Deployments.uniqueUsername("tess");
        ApiClient client = new ApiClient(base);
        String first = sessionCookie(signUp(client, username, PASSWORD));

        String second = sessionCookie(signIn(client, username, PASSWORD));

        assertThat(second).isNotEqualTo(first);
        Answer withOldId = new ApiClient(base).send(java.net.http.HttpRequest.newBuilder(client.uri("protected"))
                .header("Accept", "application/json").header("Cookie", first).GET());
        assertThat(withOldId.status()).isEqualTo(401);
        assertThat(client.get("protected", null).status()).isEqualTo(200);
    }

    private static String sessionCookie(Answer answer) {
        return answer.raw().headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static Answer signUp(ApiClient client, String username, String password) {
        return client.postTo("api/password/sign-up", body(username, password).toString(), "application/json");
    }

    private static Answer signIn(ApiClient client, String username, String password) {
        return client.postTo("api/password/sign-in", body(username, password).toString(), "application/json");
    }

    private static JsonObject body(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build();
    }
}
