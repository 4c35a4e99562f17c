package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed JSON, CBOR and authenticator data (SECURITY-CHECKLIST 42–46): always {@code invalid_request} (or, once
 * the structure is sound, a verification failure), quickly, never another exception, and nothing stored.
 */
class HostileInputTest {

    private final CeremonyFixture rp = new CeremonyFixture();
    private final SoftwareAuthenticator device = SoftwareAuthenticator.es256();
    private RegistrationResponse valid;

    @BeforeEach
    void answer() {
        valid = rp.signUpAnswer(device, "alice").build();
    }

    static Stream<Arguments> hostileAttestationObjects() {
        return Stream.of(
                Arguments.of("not a map", new byte[] {0x01}),
                Arguments.of("empty", new byte[0]),
                Arguments.of("indefinite-length map, never closed", new byte[] {(byte) 0xbf, 0x63, 'f', 'm', 't'}),
                Arguments.of("byte string declaring 4 GiB", concat(new byte[] {(byte) 0xa1, 0x68}, "authData".getBytes(),
                        new byte[] {0x5b, 0, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3})),
                Arguments.of("map declaring 2^32 entries", new byte[] {(byte) 0xba, (byte) 0xff, (byte) 0xff,
                        (byte) 0xff, (byte) 0xff}),
                Arguments.of("nesting 100 000 deep", nested(100_000)),
                Arguments.of("tag on the map", concat(new byte[] {(byte) 0xd8, 0x18}, new byte[] {(byte) 0xa0})),
                Arguments.of("fmt of the wrong type", cborMap("fmt", new byte[] {0x01})),
                Arguments.of("unknown fmt", cborMap("fmt", text("nonesuch"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileAttestationObjects")
    void hostileAttestationObjectsAreInvalidRequests(String name, byte[] attestationObject) {
        RegistrationResponse hostile = new RegistrationResponse(valid.credentialId(), valid.clientDataJSON(),
                attestationObject, valid.transports(), Optional.empty());

        long start = System.nanoTime();
        CeremonyException e = rp.expectMalformed(CeremonyFailure.INVALID_REQUEST, () -> finish(hostile));

        assertThat(e.detail()).doesNotContain("Exception", "jackson", "webauthn4j");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(2_000);
        assertThat(rp.accounts.userCount()).isZero();
    }

    @Test
    void aDuplicateKeyInTheAttestationObjectIsRefused() {
        byte[] object = valid.attestationObject();
        assertThat(object[0]).as("an indefinite-length map").isEqualTo((byte) 0xbf);
        byte[] duplicated = concat(Arrays.copyOf(object, object.length - 1), text("fmt"), text("none"),
                new byte[] {(byte) 0xff});
        RegistrationResponse hostile = new RegistrationResponse(valid.credentialId(), valid.clientDataJSON(),
                duplicated, valid.transports(), Optional.empty());

        rp.expectMalformed(CeremonyFailure.INVALID_REQUEST, () -> finish(hostile));
        assertThat(rp.accounts.userCount()).isZero();
    }

    @Test
    void aDuplicateKeyInClientDataJsonIsRefused() {
        rp.finish(rp.signUpAnswer(device, "fred"));
        String challenge = rp.authentication.startDiscoverable().challenge();
        String clientData = "{\"type\":\"webauthn.create\",\"type\":\"webauthn.get\",\"challenge\":\"" + challenge
                + "\",\"origin\":\"" + CeremonyFixture.ORIGIN + "\"}";

        rp.expectMalformed(CeremonyFailure.INVALID_REQUEST, () -> rp.authentication.finishAssertion(device.authenticate(
                CeremonyFixture.RP_ID, CeremonyFixture.ORIGIN, challenge).clientDataJSON(clientData).build()));
    }

    @Test
    void clientDataJsonWithALeadingByteOrderMarkIsReadAsUtf8Decoding() {
        rp.finish(rp.signUpAnswer(device, "erin"));
        String challenge = rp.authentication.startDiscoverable().challenge();
        String clientData = "\uFEFF{\"type\":\"webauthn.get\",\"challenge\":\"" + challenge + "\",\"origin\":\""
                + CeremonyFixture.ORIGIN + "\",\"crossOrigin\":false}";

        AssertionResult signedIn = rp.authentication.finishAssertion(device.authenticate(CeremonyFixture.RP_ID,
                CeremonyFixture.ORIGIN, challenge).clientDataJSON(clientData).build());

        assertThat(signedIn.user().username()).isEqualTo("erin");
    }

    @Test
    void trailingBytesAfterTheAttestationObjectAreRefused() {
        RegistrationResponse hostile = new RegistrationResponse(valid.credentialId(), valid.clientDataJSON(),
                concat(valid.attestationObject(), new byte[] {0x00}), valid.transports(), Optional.empty());

        assertThatCode(() -> finish(hostile)).isInstanceOf(CeremonyException.class);
        assertThat(rp.accounts.userCount()).isZero();
    }

    @Test
    void authenticatorDataCutShortInTheCredentialIdIsRefused() {
        SoftwareAuthenticator.Registration answer = rp.signUpAnswer(device, "bob");
        RegistrationResponse good = answer.build();
        byte[] object = good.attestationObject();
        // Cut the CBOR byte string short: its declared length now runs past the buffer.
        RegistrationResponse hostile = new RegistrationResponse(good.credentialId(), good.clientDataJSON(),
                Arrays.copyOf(object, object.length - 40), good.transports(), Optional.empty());

        rp.expectMalformed(CeremonyFailure.INVALID_REQUEST, () -> finish(hostile));
        assertThat(rp.accounts.userCount()).isZero();
    }

    @Test
    void attestedDataFlagWithoutAttestedDataIsRefused() {
        rp.expectMalformed(CeremonyFailure.INVALID_REQUEST, () -> rp.finish(rp.signUpAnswer(device, "carol")
                .flags(SoftwareAuthenticator.UP | SoftwareAuthenticator.UV)));
        assertThat(rp.accounts.userCount()).isZero();
    }

    @Test
    void shortAuthenticatorDataInAnAssertionIsRefused() {
        rp.finish(rp.signUpAnswer(SoftwareAuthenticator.es256(), "dave"));
        AuthenticationResponse good = rp.signInAnswer(device.withoutCounter()).build();
        AuthenticationResponse hostile = new AuthenticationResponse(good.credentialId(), good.clientDataJSON(),
                new byte[] {1, 2, 3}, good.signature(), good.userHandle(), Optional.empty());

        rp.expectMalformed(CeremonyFailure.INVALID_REQUEST, () -> rp.authentication.finishAssertion(hostile));
    }

    static Stream<String> malformedClientExtensionOutputs() {
        return Stream.of("{\"appid\":\"x\"}", "{\"credProps\":5}", "{\"largeBlob\":{\"blob\":5}}",
                "{\"credProps\":{\"rk\":\"yes\"}}",
                "{\"appidExclude\":{}}", "{\"credProps\":[]}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedClientExtensionOutputs")
    void malformedClientExtensionOutputsOfARegistrationAreInvalidRequests(String outputs) {
        RegistrationResponse hostile = new RegistrationResponse(valid.credentialId(), valid.clientDataJSON(),
                valid.attestationObject(), valid.transports(), Optional.of(outputs));

        rp.expectFailure(CeremonyFailure.INVALID_REQUEST, () -> finish(hostile));
        assertThat(rp.accounts.userCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedClientExtensionOutputs")
    void malformedClientExtensionOutputsOfASignInAreInvalidRequests(String outputs) {
        long registered = rp.registration.finishRegistration(new FinishRegistrationRequest(valid, Optional.empty(),
                Optional.empty(), Optional.empty())).credential().signCount();
        AuthenticationResponse good = rp.signInAnswer(device).build();
        AuthenticationResponse hostile = new AuthenticationResponse(good.credentialId(), good.clientDataJSON(),
                good.authenticatorData(), good.signature(), good.userHandle(), Optional.of(outputs));

        rp.expectFailure(CeremonyFailure.INVALID_REQUEST, () -> rp.authentication.finishAssertion(hostile));
        assertThat(rp.accounts.findById(valid.credentialId()).orElseThrow().signCount()).isEqualTo(registered);
    }

    @Test
    void aClientThatReportsNoResidentKeyIsRefusedAndNothingStored() {
        RegistrationResponse relaxed = new RegistrationResponse(valid.credentialId(), valid.clientDataJSON(),
                valid.attestationObject(), valid.transports(), Optional.of("{\"credProps\":{\"rk\":false}}"));

        CeremonyException e = rp.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED, () -> finish(relaxed));

        assertThat(e.detail()).contains("without a username");
        assertThat(rp.accounts.userCount()).isZero();
    }

    @Test
    void aClientThatReportsAResidentKeyRegisters() {
        RegistrationResponse reported = new RegistrationResponse(valid.credentialId(), valid.clientDataJSON(),
                valid.attestationObject(), valid.transports(), Optional.of("{\"credProps\":{\"rk\":true}}"));

        finish(reported);

        assertThat(rp.accounts.userCount()).isOne();
    }

    @Test
    void aSignedExtensionOutputOfTheWrongTypeIsAnInvalidRequest() {
        long registered = rp.registration.finishRegistration(new FinishRegistrationRequest(valid, Optional.empty(),
                Optional.empty(), Optional.empty())).credential().signCount();
        AuthenticationResponse hostile = rp.signInAnswer(device)
                .flags(SoftwareAuthenticator.UP | SoftwareAuthenticator.UV | SoftwareAuthenticator.ED)
                .authenticatorExtensions(cborMap("credProtect", text("x"))).build();

        rp.expectFailure(CeremonyFailure.INVALID_REQUEST, () -> rp.authentication.finishAssertion(hostile));
        assertThat(rp.accounts.findById(valid.credentialId()).orElseThrow().signCount()).isEqualTo(registered);
    }

    private void finish(RegistrationResponse response) {
        rp.registration.finishRegistration(new FinishRegistrationRequest(response, Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    private static byte[] nested(int depth) {
        byte[] bytes = new byte[depth + 1];
        Arrays.fill(bytes, (byte) 0x81);
        bytes[depth] = 0x00;
        return bytes;
    }

    private static byte[] cborMap(String key, byte[] value) {
        return concat(new byte[] {(byte) 0xa1}, text(key), value);
    }

    private static byte[] text(String value) {
        return concat(new byte[] {(byte) (0x60 + value.length())}, value.getBytes());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
