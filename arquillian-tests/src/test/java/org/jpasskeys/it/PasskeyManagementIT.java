package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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

/** Adding passkeys on this and another device, and managing them, over real HTTP against the server under test. */
@ExtendWith(ArquillianExtension.class)
class PasskeyManagementIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sample();
    }

    @ArquillianResource
    URL base;

    @Test
    void aPasskeyAddedFromAnotherDeviceSignsInAloneAndIsManaged() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
        ApiClient alice = new ApiClient(base);
        String username = Deployments.uniqueUsername("alice");
        assertThat(alice.signUp(laptop, username).status()).isEqualTo(201);

        Answer options = alice.post("generate-registration", Json.createObjectBuilder().add("crossDevice", true).build());
        assertThat(options.status()).as(options.raw().body()).isEqualTo(200);
        JsonObject creation = options.json();
        assertThat(creation.getJsonArray("hints")).containsExactly(Json.createValue("hybrid"));
        assertThat(creation.getJsonObject("authenticatorSelection").getString("authenticatorAttachment"))
                .isEqualTo("cross-platform");
        assertThat(creation.getJsonArray("excludeCredentials").getJsonObject(0).getString("id"))
                .isEqualTo(laptop.credentialIdBase64Url());

        Answer added = alice.post("verify-registration", alice.registrationAnswer(phone,
                Json.createObjectBuilder().add("crossDevice", true).build()).json());
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        assertThat(added.json().getJsonObject("user").getString("username")).isEqualTo(username);
        assertThat(added.json().containsKey("accessToken")).isFalse();

        Answer phoneAlone = new ApiClient(base).signIn(phone);
        assertThat(phoneAlone.status()).isEqualTo(200);
        assertThat(phoneAlone.json().getJsonObject("user").getString("username")).isEqualTo(username);

        Answer list = new ApiClient(base).get(ApiClient.API + "credentials", phoneAlone.json().getString("accessToken"));
        assertThat(list.status()).isEqualTo(200);
        JsonArray passkeys = Json.createReader(new java.io.StringReader(list.raw().body())).readArray();
        assertThat(passkeys).hasSize(2);
        JsonObject view = passkeys.getJsonObject(1);
        assertThat(view.getString("id")).isEqualTo(phone.credentialIdBase64Url());
        assertThat(view.keySet()).contains("name", "createdAt", "lastUsedAt", "transports", "backupEligible",
                "backedUp", "aaguid", "authenticatorName", "authenticatorIcon", "device");
        assertThat(view.getString("authenticatorName")).isEqualTo("Google Password Manager");

        Answer renamed = alice.patch("credentials/" + phone.credentialIdBase64Url(),
                Json.createObjectBuilder().add("name", "My phone").build());
        assertThat(renamed.status()).as(renamed.raw().body()).isEqualTo(200);
        assertThat(renamed.json().getString("name")).isEqualTo("My phone");

        ApiClient mallory = new ApiClient(base);
        mallory.signUp(SoftwareAuthenticator.es256(), Deployments.uniqueUsername("mallory"));
        assertThat(mallory.delete("credentials/" + phone.credentialIdBase64Url()).status()).isEqualTo(404);
        Answer stolenRename = mallory.patch("credentials/" + phone.credentialIdBase64Url(),
                Json.createObjectBuilder().add("name", "mine").build());
        assertThat(stolenRename.status()).isEqualTo(404);
        assertThat(stolenRename.code()).isEqualTo("not_found");

        assertThat(alice.delete("credentials/" + phone.credentialIdBase64Url()).status()).isEqualTo(204);
        Answer last = alice.delete("credentials/" + laptop.credentialIdBase64Url());
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.code()).isEqualTo("last_credential");
        assertThat(new ApiClient(base).signIn(phone).status()).isEqualTo(401);
    }

    @Test
    void removingThePasskeyThatSignedInEndsThoseSessionsOnly() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();
        SoftwareAuthenticator phone = SoftwareAuthenticator.es256();
        ApiClient onLaptop = new ApiClient(base);
        onLaptop.signUp(laptop, Deployments.uniqueUsername("alice"));
        onLaptop.post("verify-registration", onLaptop.registrationAnswer(phone, JsonValue.EMPTY_JSON_OBJECT).json());
        ApiClient onPhone = new ApiClient(base);
        assertThat(onPhone.signIn(phone).status()).isEqualTo(200);
        assertThat(onPhone.get("protected", null).status()).isEqualTo(200);

        assertThat(onLaptop.delete("credentials/" + phone.credentialIdBase64Url()).status()).isEqualTo(204);

        Answer afterRemoval = onPhone.get("protected", null);
        assertThat(afterRemoval.status()).isEqualTo(401);
        assertThat(afterRemoval.code()).isEqualTo("unauthenticated");
        assertThat(onLaptop.get("protected", null).status()).as("the laptop's session stays").isEqualTo(200);
    }

    @Test
    void theSameDeviceEnrolledTwiceGetsGuidance() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();
        ApiClient alice = new ApiClient(base);
        alice.signUp(laptop, Deployments.uniqueUsername("alice"));

        Answer twice = alice.post("verify-registration",
                alice.registrationAnswer(laptop, JsonValue.EMPTY_JSON_OBJECT).json());

        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("credential_already_registered");
        assertThat(twice.json().getString("detail")).contains("scan the QR code with your phone");
    }

    @Test
    void managementNeedsASignedInCaller() {
        Answer anonymous = new ApiClient(base).get(ApiClient.API + "credentials", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthenticated");
    }
}
