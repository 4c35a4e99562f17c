package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
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
import org.jpasskeys.testing.AttestationCa;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.jpasskeys.testing.TestMetadataService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deployment that requires attested authenticators of everyone and device-bound ones of administrators (the
 * sample's group {@code admin}): an enterprise CA configured as a trust anchor, and FIDO metadata (a BLOB file
 * signed under a test metadata root) that names a hardware security key model. Over real HTTP: what the options
 * ask, what a refusal leaves (nothing), what the passkey list shows, and the assurance in the answer, the token
 * and at a resource that requires AAL3.
 */
@ExtendWith(ArquillianExtension.class)
class AssuranceIT {

    private static final UUID SECURITY_KEY = UUID.fromString("0bb43545-fd2c-4185-87dd-feb0b2916ace");
    private static final AttestationCa ENTERPRISE = AttestationCa.create("Enterprise");
    private static final AttestationCa KEY_MAKER = AttestationCa.create("IT Key Maker");
    private static final TestMetadataService MDS = new TestMetadataService();

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "it", "assurance").toAbsolutePath());
        Path anchors = Files.writeString(directory.resolve("enterprise-root.pem"), ENTERPRISE.rootPem());
        Path metadataRoot = Files.writeString(directory.resolve("metadata-root.pem"), MDS.rootPem());
        Path blob = Files.writeString(directory.resolve("blob.jwt"), MDS.blob(1, LocalDate.now().plusMonths(1),
                TestMetadataService.entry(SECURITY_KEY, "IT Security Key 5", KEY_MAKER.root(),
                        List.of("hardware", "secure_element"), "FIDO_CERTIFIED_L2", "2025-01-01")));
        return Deployments.sampleWith("jpasskeys-assurance", String.join("\n",
                "passkeys.attestation.trust-anchors=" + anchors,
                "passkeys.attestation.metadata-location=" + blob,
                "passkeys.attestation.metadata-root=" + metadataRoot,
                "passkeys.attestation.metadata-signer=" + TestMetadataService.SIGNER,
                "passkeys.policy.default.attestation=required",
                "passkeys.policy.operators.groups=admin",
                "passkeys.policy.operators.device-bound=true"));
    }

    @ArquillianResource
    URL base;

    @Test
    void anUnattestedPasskeyIsRefusedAndLeavesNothingWhileAnAttestedOneSignsUp() {
        ApiClient client = new ApiClient(base);
        String username = Deployments.uniqueUsername("att");
        Answer options = client.post("generate-registration", Json.createObjectBuilder()
                .add("username", username).add("displayName", "Att").build());
        assertThat(options.json().getString("attestation")).isEqualTo("direct");

        SoftwareAuthenticator unattested = SoftwareAuthenticator.es256();
        Answer refused = client.post("verify-registration", unattested.register(client.rpId(), client.origin(),
                options.json().getString("challenge"), userHandle(options.json())).format("packed").json());

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("authenticator_not_allowed");
        assertThat(refused.json().getString("detail")).contains("verified attestation");
        assertThat(new ApiClient(base).signIn(unattested).status()).as("no passkey stored").isEqualTo(401);
        ApiClient again = new ApiClient(base);
        Answer signUp = again.post("verify-registration", again.signUpAnswer(enterpriseKey(), username)
                .attestedBy(ENTERPRISE.attester("Enterprise Key")).json());
        assertThat(signUp.status()).as("the username is still free: " + signUp.raw().body()).isEqualTo(201);
    }

    @Test
    void aHardwareKeyTheMetadataCertifiesSignsInAtAal3AndReachesTheAal3Resource() {
        SoftwareAuthenticator key = SoftwareAuthenticator.es256().withAaguid(SECURITY_KEY);
        ApiClient alice = new ApiClient(base);
        Answer signUp = alice.post("verify-registration", alice.signUpAnswer(key, Deployments.uniqueUsername("hw"))
                .attestedBy(KEY_MAKER.attester("IT Security Key 5")).json());
        assertThat(signUp.status()).as(signUp.raw().body()).isEqualTo(201);
        JsonObject passkey = signUp.json().getJsonObject("credential");
        assertThat(passkey.getString("authenticatorName")).as("named by the metadata").isEqualTo("IT Security Key 5");
        assertThat(passkey.getString("authenticatorIcon")).startsWith("data:image/png");
        assertThat(passkey.getJsonObject("attestation").getBoolean("verified")).isTrue();
        assertThat(passkey.getJsonObject("attestation").getBoolean("hardware")).isTrue();
        assertThat(passkey.getJsonObject("attestation").getString("model")).isEqualTo("IT Security Key 5");
        assertThat(passkey.getString("assurance")).isEqualTo("aal3");

        ApiClient signedIn = new ApiClient(base);
        Answer signIn = signedIn.signIn(key);
        assertThat(signIn.status()).as(signIn.raw().body()).isEqualTo(200);
        assertThat(signIn.json().getInt("aal")).isEqualTo(3);
        JsonObject claims = claims(signIn.json().getString("accessToken"));
        assertThat(claims.getString("acr")).isEqualTo("aal3");
        assertThat(claims.getJsonArray("amr").getValuesAs(jakarta.json.JsonString::getString)).contains("hwk");
        assertThat(signedIn.get("protected/aal3", null).status()).isEqualTo(200);
        assertThat(new ApiClient(base).get("protected/aal3", signIn.json().getString("accessToken")).status())
                .isEqualTo(200);
    }

    @Test
    void aSyncedPasskeyStaysAtAal2AndIsSentToSignInAgainForTheAal3Resource() {
        SoftwareAuthenticator synced = enterpriseKey().synced();
        ApiClient bob = new ApiClient(base);
        Answer signUp = bob.post("verify-registration", bob.signUpAnswer(synced, Deployments.uniqueUsername("sy"))
                .attestedBy(ENTERPRISE.attester("Enterprise Key")).json());
        assertThat(signUp.status()).as(signUp.raw().body()).isEqualTo(201);
        assertThat(signUp.json().getJsonObject("credential").getString("assurance")).isEqualTo("aal2");

        Answer signIn = new ApiClient(base).signIn(synced);
        assertThat(signIn.json().getInt("aal")).isEqualTo(2);
        assertThat(claims(signIn.json().getString("accessToken")).getJsonArray("amr")
                .getValuesAs(jakarta.json.JsonString::getString)).contains("swk");
        Answer aal3 = new ApiClient(base).get("protected/aal3", signIn.json().getString("accessToken"));
        assertThat(aal3.status()).isEqualTo(401);
        assertThat(aal3.code()).isEqualTo("reauthentication_required");
        assertThat(aal3.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(header -> assertThat(header)
                .contains("insufficient_user_authentication", "acr_values=\"aal3\""));
        assertThat(bob.get("protected", null).status()).as("the rest of the account works").isEqualTo(200);
    }

    @Test
    void aSyncedPasskeyIsRefusedForAnAdministratorAndAcceptedForAUser() {
        ApiClient admin = AdminEnrolment.signInWithBootstrapPassword(base, System.getProperty("it.policy.admin"));
        Answer synced = admin.post("verify-registration", admin.registrationAnswer(enterpriseKey().synced(),
                JsonValue.EMPTY_JSON_OBJECT).attestedBy(ENTERPRISE.attester("Enterprise Key")).json());
        ApiClient user = new ApiClient(base);
        Answer userSynced = user.post("verify-registration", user.signUpAnswer(enterpriseKey().synced(),
                Deployments.uniqueUsername("usr")).attestedBy(ENTERPRISE.attester("Enterprise Key")).json());

        assertThat(synced.status()).as(synced.raw().body()).isEqualTo(422);
        assertThat(synced.code()).isEqualTo("authenticator_not_allowed");
        assertThat(synced.json().getString("detail")).contains("stays on one device");
        assertThat(userSynced.status()).as(userSynced.raw().body()).isEqualTo(201);

        Answer deviceBound = admin.post("verify-registration", admin.registrationAnswer(enterpriseKey(),
                JsonValue.EMPTY_JSON_OBJECT).attestedBy(ENTERPRISE.attester("Enterprise Key")).json());
        assertThat(deviceBound.status()).as(deviceBound.raw().body()).isEqualTo(201);
        assertThat(admin.get("protected", null).json().getBoolean("inRoleAdmin")).isTrue();
        assertThat(deviceBound.json().getJsonObject("credential").getString("assurance")).isEqualTo("aal3");
    }

    private static SoftwareAuthenticator enterpriseKey() {
        return SoftwareAuthenticator.es256();
    }

    private static byte[] userHandle(JsonObject options) {
        return Base64.getUrlDecoder().decode(options.getJsonObject("user").getString("id"));
    }

    private static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new java.io.StringReader(payload)).readObject();
    }
}
