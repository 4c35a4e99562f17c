package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-up, usernameless sign-in and the protected page, over real HTTP against the server under test. */
@ExtendWith(ArquillianExtension.class)
class SignUpAndSignInIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sample();
    }

    @ArquillianResource
    URL base;

    @Test
    void signUpThenUsernamelessSignInThenProtectedPageWithTokenAndWithSession() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
        String username = Deployments.uniqueUsername("alice");

        Answer signUp = new ApiClient(base).signUp(phone, username);
        assertThat(signUp.status()).as(signUp.raw().body()).isEqualTo(201);
        assertThat(signUp.json().getJsonObject("user").getString("username")).isEqualTo(username);
        assertThat(signUp.json().getJsonObject("credential").getString("id")).isEqualTo(phone.credentialIdBase64Url());

        ApiClient browser = new ApiClient(base);
        Answer signIn = browser.signIn(phone);
        assertThat(signIn.status()).as(signIn.raw().body()).isEqualTo(200);
        JsonObject body = signIn.json();
        assertThat(body.getJsonObject("user").getString("username")).isEqualTo(username);
        assertThat(body.getString("tokenType")).isEqualTo("Bearer");
        assertThat(body.getString("authMethod")).isEqualTo("passkey");
        assertThat(body.getInt("aal")).isEqualTo(2);
        assertThat(signIn.raw().headers().allValues("set-cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));

        Answer withToken = new ApiClient(base).get("protected", body.getString("accessToken"));
        assertThat(withToken.status()).as(withToken.raw().body()).isEqualTo(200);
        assertThat(withToken.json().getString("caller")).isEqualTo(username);
        assertThat(withToken.json().getString("acr")).isEqualTo("aal2");

        Answer withSession = browser.get("protected", null);
        assertThat(withSession.status()).as(withSession.raw().body()).isEqualTo(200);
        assertThat(withSession.json().getString("caller")).isEqualTo(username);
    }

    @Test
    void usernameFirstSignInWorksAndDoesNotRevealWhetherTheAccountExists() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
        String username = Deployments.uniqueUsername("frank");
        ApiClient client = new ApiClient(base);
        client.signUp(phone, username);

        Answer known = client.post("generate-authentication", Json.createObjectBuilder().add("username", username).build());
        JsonObject ghost = Json.createObjectBuilder().add("username", Deployments.uniqueUsername("ghost")).build();
        Answer unknown = client.post("generate-authentication", ghost);
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(200);
        assertThat(unknown.json().keySet()).isEqualTo(known.json().keySet());
        // Decoys take the shape of some real account (DecoyCredentialsTest), not of the account asked about.
        assertThat(unknown.json().getJsonArray("allowCredentials").getValuesAs(JsonObject.class))
                .isNotEmpty().allSatisfy(decoy -> assertThat(decoy.keySet()).isEqualTo(known.json()
                        .getJsonArray("allowCredentials").getJsonObject(0).keySet()));
        assertThat(client.post("generate-authentication", ghost).json().getJsonArray("allowCredentials"))
                .as("the same decoys every time").isEqualTo(unknown.json().getJsonArray("allowCredentials"));
        assertThat(known.json().getJsonArray("allowCredentials").getJsonObject(0).getString("id"))
                .isEqualTo(phone.credentialIdBase64Url());

        Answer signIn = client.post("verify-authentication", phone.authenticate(client.rpId(), client.origin(),
                known.json().getString("challenge")).json());
        assertThat(signIn.status()).as(signIn.raw().body()).isEqualTo(200);
        assertThat(signIn.json().getJsonObject("user").getString("username")).isEqualTo(username);
    }

    @Test
    void aSignedInCallerCannotSignUpAnotherAccountByAccident() {
        ApiClient client = new ApiClient(base);
        client.signUp(SoftwareAuthenticator.es256(), Deployments.uniqueUsername("gina"));

        Answer second = client.post("generate-registration",
                Json.createObjectBuilder().add("username", Deployments.uniqueUsername("other")).build());

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().getString("detail")).contains("sign out first");
    }

    @Test
    void stepUpOfASignedInCallerIssuesAFreshToken() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
        ApiClient client = new ApiClient(base);
        client.signUp(phone, Deployments.uniqueUsername("hana"));

        assertThat(new ApiClient(base).post("generate-authentication-from-challenge", Json.createObjectBuilder().build())
                .status()).isEqualTo(401);
        Answer forged = new ApiClient(base).post("generate-authentication-from-challenge",
                Json.createObjectBuilder().add("mfaChallenge", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").build());
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("unauthenticated");
        Answer options = client.post("generate-authentication-from-challenge", Json.createObjectBuilder().build());
        assertThat(options.status()).as(options.raw().body()).isEqualTo(200);
        assertThat(options.json().getJsonArray("allowCredentials").getJsonObject(0).getString("id"))
                .isEqualTo(phone.credentialIdBase64Url());
        Answer stepUp = client.post("verify-authentication", phone.authenticate(client.rpId(), client.origin(),
                options.json().getString("challenge")).json());

        assertThat(stepUp.status()).as(stepUp.raw().body()).isEqualTo(200);
        assertThat(stepUp.json().getInt("aal")).isEqualTo(2);
        assertThat(client.get("protected", stepUp.json().getString("accessToken")).status()).isEqualTo(200);
    }

    @Test
    void signingUpUnderAnAdministratorsNameInAnyCaseIsRefusedAndStoresNothing() {
        String administrator = System.getProperty("it.claimed.admin");
        for (String name : List.of(administrator, administrator.toUpperCase(Locale.ROOT),
                Character.toUpperCase(administrator.charAt(0)) + administrator.substring(1))) {
            SoftwareAuthenticator key = SoftwareAuthenticator.es256();
            ApiClient claimant = new ApiClient(base);
            Answer options = claimant.post("generate-registration", Json.createObjectBuilder()
                    .add("username", name).add("displayName", "Administrator").build());
            Answer signUp = options.status() == 200 ? claimant.post("verify-registration", key.register(
                    claimant.rpId(), claimant.origin(), options.json().getString("challenge"),
                    Base64.getUrlDecoder().decode(options.json().getJsonObject("user").getString("id"))).json())
                    : options;
            assertThat(signUp.status()).as(name + ": " + signUp.raw().body()).isEqualTo(409);
            assertThat(signUp.code()).isEqualTo("username_taken");
            assertThat(claimant.get("protected", null).status()).as("not signed in").isEqualTo(401);
            if (options.status() == 200) {
                assertThat(new ApiClient(base).signIn(key).status()).as("no passkey stored").isEqualTo(401);
            }

            ApiClient withPassword = new ApiClient(base);
            Answer passwordSignUp = withPassword.postTo("api/password/sign-up", Json.createObjectBuilder()
                    .add("username", name).add("password", "claimed by a stranger").build().toString(),
                    "application/json");
            assertThat(passwordSignUp.status()).as(name + ": " + passwordSignUp.raw().body()).isEqualTo(409);
            assertThat(passwordSignUp.code()).isEqualTo("username_taken");
            assertThat(new ApiClient(base).signInWithPassword(administrator, "claimed by a stranger").status())
                    .as("no password stored").isEqualTo(401);
        }
        ApiClient operator = AdminEnrolment.signInWithBootstrapPassword(base, administrator);
        assertThat(operator.get("protected", null).json().getBoolean("inRoleAdmin")).isTrue();
    }

    @Test
    void groupsFromTheApplicationsOwnStoreReachSessionTokenAndTheAuditPage() {
        SoftwareAuthenticator adminKey = SoftwareAuthenticator.es256();
        AdminEnrolment.enrol(base, System.getProperty("it.admin"), adminKey);
        ApiClient admin = new ApiClient(base);
        Answer signIn = admin.signIn(adminKey);
        assertThat(signIn.status()).as(signIn.raw().body()).isEqualTo(200);

        Answer bySession = admin.get("protected", null);
        Answer byToken = new ApiClient(base).get("protected", signIn.json().getString("accessToken"));
        assertThat(bySession.json().getBoolean("inRoleAdmin")).isTrue();
        assertThat(byToken.json().getBoolean("inRoleAdmin")).isTrue();
        assertThat(byToken.json().getBoolean("inRoleUser")).isTrue();

        SoftwareAuthenticator userKey = SoftwareAuthenticator.es256();
        new ApiClient(base).signUp(userKey, Deployments.uniqueUsername("ivy"));
        ApiClient user = new ApiClient(base);
        user.signIn(userKey);
        assertThat(user.get("protected", null).json().getBoolean("inRoleAdmin")).isFalse();

        String adminId = signIn.json().getJsonObject("user").getString("id");
        Answer audit = admin.get(ApiClient.API + "audit?type=SIGN_IN_SUCCEEDED&user=" + adminId, null);
        assertThat(audit.status()).as(audit.raw().body()).isEqualTo(200);
        assertThat(audit.json().getJsonArray("events")).isNotEmpty().allSatisfy(event -> {
            assertThat(event.asJsonObject().getString("type")).isEqualTo("SIGN_IN_SUCCEEDED");
            assertThat(event.asJsonObject().getString("userId")).isEqualTo(adminId);
        });
        assertThat(admin.get(ApiClient.API + "audit?type=NOPE", null).status()).isEqualTo(400);
        assertThat(user.get(ApiClient.API + "audit", null).status()).isEqualTo(403);
        assertThat(new ApiClient(base).get(ApiClient.API + "audit", null).status()).isEqualTo(401);
    }

    @Test
    void protectedPageWithoutSignInAnswers401Problem() {
        Answer answer = new ApiClient(base).get("protected", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.raw().headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.code()).isEqualTo("unauthenticated");
    }

    @Test
    void tamperedTokenIsRefused() {
        String token = new ApiClient(base).signUp(SoftwareAuthenticator.es256(), Deployments.uniqueUsername("carol"))
                .json().getString("accessToken");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];

        assertThat(new ApiClient(base).get("protected", forged).status()).isEqualTo(401);
    }

    @Test
    void replayedAssertionIsRejected() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
        ApiClient client = new ApiClient(base);
        client.signUp(phone, Deployments.uniqueUsername("dave"));
        JsonObject assertion = client.signInAnswer(phone).json();

        assertThat(client.post("verify-authentication", assertion).status()).isEqualTo(200);
        Answer replay = new ApiClient(base).post("verify-authentication", assertion);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.code()).isEqualTo("challenge_not_found");
    }

    @Test
    void aSignedInSessionGetsNoFreshTokenForATamperedAssertion() {
        // Undertow (WildFly) does not ask the mechanism again for a request its session already authenticated;
        // a step-up must still verify the assertion.
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
        ApiClient signedIn = new ApiClient(base);
        assertThat(signedIn.signUp(phone, Deployments.uniqueUsername("gina")).status()).isEqualTo(201);
        JsonObject tampered = signedIn.signInAnswer(phone).editSignature(signature -> {
            signature[signature.length - 1] ^= 1;
            return signature;
        }).json();

        Answer refused = signedIn.post("verify-authentication", tampered);

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("authentication_failed");
        assertThat(refused.raw().body()).doesNotContain("accessToken");
    }

    @Test
    void sixteenConcurrentSubmissionsOfOneAssertionSucceedExactlyOnce() throws Exception {
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
        ApiClient client = new ApiClient(base);
        client.signUp(phone, Deployments.uniqueUsername("erin"));
        JsonObject assertion = client.signInAnswer(phone).json();

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return new ApiClient(base).post("verify-authentication", assertion).status();
            }));
        }
        start.countDown();
        List<Integer> seen = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            seen.add(status.get());
        }
        pool.shutdown();

        assertThat(seen).filteredOn(s -> s == 200).hasSize(1);
        assertThat(seen).filteredOn(s -> s != 200).allMatch(s -> s == 400);
    }

    @Test
    void oneCredentialIdRegisteredInParallelForTwoAccountsIsStoredOnce() throws Exception {
        SoftwareAuthenticator device = SoftwareAuthenticator.es256();
        List<JsonObject> answers = new ArrayList<>();
        List<byte[]> userHandles = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(new ApiClient(base).signUpAnswer(device, Deployments.uniqueUsername("race")).json());
            userHandles.add(device.userHandle());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> results = new ArrayList<>();
        for (JsonObject answer : answers) {
            results.add(pool.submit(() -> {
                start.await();
                return new ApiClient(base).post("verify-registration", answer);
            }));
        }
        start.countDown();
        List<Answer> seen = new ArrayList<>();
        for (Future<Answer> result : results) {
            seen.add(result.get());
        }
        pool.shutdown();

        assertThat(seen).extracting(Answer::status).containsExactlyInAnyOrder(201, 409);
        Answer refused = seen.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(refused.code()).isEqualTo("credential_already_registered");
        assertThat(refused.json().getString("detail")).contains("scan the QR code with your phone");
        byte[] winner = userHandles.get(seen.get(0).status() == 201 ? 0 : 1);
        ApiClient client = new ApiClient(base);
        Answer signIn = client.post("verify-authentication",
                client.signInAnswer(device).userHandle(Optional.of(winner)).json());
        assertThat(signIn.status()).as("the stored passkey is the winner's, untouched").isEqualTo(200);
    }

    @Test
    void credentialOfAnotherAccountIsRefusedWithTheGenericAnswer() {
        ApiClient client = new ApiClient(base);
        SoftwareAuthenticator alices = SoftwareAuthenticator.es256();
        SoftwareAuthenticator bobs = SoftwareAuthenticator.es256();
        new ApiClient(base).signUp(alices, Deployments.uniqueUsername("alice"));
        new ApiClient(base).signUp(bobs, Deployments.uniqueUsername("bob"));

        Answer answer = client.post("verify-authentication",
                client.signInAnswer(alices).userHandle(Optional.of(bobs.userHandle())).json());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("authentication_failed");
        assertThat(answer.json().getString("detail")).doesNotContain("account", "credential");
    }

    @Test
    void wrongOriginHeaderAndWrongContentTypeAndOversizedBodyAreRefused() {
        ApiClient client = new ApiClient(base);
        Answer crossSite = client.send(HttpRequest.newBuilder(
                        client.uri(ApiClient.API + "generate-authentication-discoverable"))
                .header("Content-Type", "application/json")
                .header("Origin", "https://evil.test")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.code()).isEqualTo("origin_mismatch");

        Answer form = client.post("generate-authentication-discoverable", "a=b", "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(415);

        Answer huge = client.post("verify-authentication", "{\"id\":\"" + "A".repeat(20_000) + "\"}",
                "application/json");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.code()).isEqualTo("payload_too_large");

        Answer garbage = client.post("verify-authentication", "{not json", "application/json");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.code()).isEqualTo("invalid_request");
    }

    @Test
    void noCorsIsGrantedToAnotherSite() {
        ApiClient client = new ApiClient(base);
        Answer preflight = client.send(java.net.http.HttpRequest.newBuilder(client.uri(ApiClient.API + "verify-registration"))
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.raw().headers().firstValue("access-control-allow-origin")).isEmpty();
        assertThat(preflight.raw().headers().firstValue("access-control-allow-credentials")).isEmpty();
    }

    @Test
    void jwksPublishesThePublicSigningKeyOnly() {
        Answer jwks = new ApiClient(base).get(".well-known/jwks.json", null);

        assertThat(jwks.status()).isEqualTo(200);
        JsonObject key = jwks.json().getJsonArray("keys").getJsonObject(0);
        assertThat(key.getString("kty")).isEqualTo("RSA");
        assertThat(key.getString("alg")).isEqualTo("RS256");
        assertThat(key.keySet()).doesNotContain("d", "p", "q", "dp", "dq", "qi");
    }
}
