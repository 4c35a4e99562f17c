package org.jpasskeys.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jpasskeys.assurance.AttestationType;
import org.jpasskeys.assurance.AuthenticatorPolicy;
import org.jpasskeys.assurance.PasskeyAssurance;
import org.jpasskeys.config.AssuranceConfig;
import org.jpasskeys.testing.AttestationCa;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

/**
 * Attestation trust and authenticator policies through both ceremonies: what registers, what is stored about the
 * authenticator, what a refused passkey leaves behind (nothing) and the assurance a sign-in reaches.
 */
class AuthenticatorPolicyTest {

    private static final UUID SECURITY_KEY = UUID.fromString("cb69481e-8ff7-4039-93ec-0a2729a154a8");
    private static final UUID OTHER_MODEL = UUID.fromString("ee882879-721c-4913-9775-3dfcce97072a");

    private final AttestationCa maker = AttestationCa.create("Key Maker");
    private final AttestationCa.Attester keyMakersBatch = maker.attester("Key Maker FIDO2 Key");
    private final Set<String> admins = new HashSet<>();

    private CeremonyFixture relyingParty(AuthenticatorPolicy defaultPolicy, AuthenticatorPolicy... groupPolicies) {
        return new CeremonyFixture(new AssuranceConfig(List.of(maker.root()), Optional.empty(), List.of(),
                AssuranceConfig.FIDO_MDS_SIGNER, Set.of(), defaultPolicy, List.of(groupPolicies)),
                username -> admins.contains(username) ? Set.of("admin") : Set.of());
    }

    private static AuthenticatorPolicy anyAuthenticator() {
        return AuthenticatorPolicy.permissive("default", Set.of());
    }

    private static SoftwareAuthenticator securityKey() {
        return SoftwareAuthenticator.es256().withAaguid(SECURITY_KEY);
    }

    @Test
    void anAttestationChainToATrustAnchorIsRecordedAndGivesAal3ToADeviceBoundKey() {
        CeremonyFixture rp = relyingParty(anyAuthenticator());

        RegistrationResult result = rp.finish(rp.signUpAnswer(securityKey(), "alice").attestedBy(keyMakersBatch));

        assertThat(result.credential().attestation().format()).isEqualTo("packed");
        assertThat(result.credential().attestation().type()).contains(AttestationType.BASIC);
        assertThat(result.credential().attestation().trustRoot())
                .contains(maker.root().getSubjectX500Principal().getName());
        assertThat(PasskeyAssurance.of(result.credential())).isEqualTo(PasskeyAssurance.AAL3);
    }

    @Test
    void selfAttestationAnUnknownCaAndASyncedKeyStayAtAal2() {
        CeremonyFixture rp = relyingParty(anyAuthenticator());
        AttestationCa stranger = AttestationCa.create("Stranger");

        RegistrationResult self = rp.finish(rp.signUpAnswer(securityKey(), "alice").format("packed"));
        RegistrationResult unknownCa = rp.finish(rp.signUpAnswer(securityKey(), "bob")
                .attestedBy(stranger.attester("Stranger Key")));
        RegistrationResult synced = rp.finish(rp.signUpAnswer(securityKey().synced(), "carol")
                .attestedBy(keyMakersBatch));

        assertThat(self.credential().attestation().type()).contains(AttestationType.SELF);
        assertThat(self.credential().attestation().trusted()).isFalse();
        assertThat(unknownCa.credential().attestation().type()).contains(AttestationType.BASIC);
        assertThat(unknownCa.credential().attestation().trusted()).as("no anchor for that CA").isFalse();
        assertThat(synced.credential().attestation().trusted()).isTrue();
        assertThat(List.of(self, unknownCa, synced)).extracting(r -> PasskeyAssurance.of(r.credential()))
                .containsOnly(PasskeyAssurance.AAL2);
    }

    @Test
    void whenAttestationIsRequiredOptionsAskForItAndAnUnattestedPasskeyIsRefusedAndNotStored() {
        CeremonyFixture rp = relyingParty(new AuthenticatorPolicy("default", Set.of(), true, Set.of(), Set.of(),
                false, Optional.empty()));

        CeremonyException refused = rp.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED,
                () -> rp.finish(rp.signUpAnswer(securityKey(), "alice").format("packed")));

        assertThat(refused.detail()).contains("verified attestation");
        assertThat(refused.auditReason()).contains("policy default", SECURITY_KEY.toString(), "not verified");
        assertThat(rp.accounts.userCount()).as("no account").isZero();
        assertThat(rp.accounts.credentialCount()).as("no passkey").isZero();
        assertThat(rp.finish(rp.signUpAnswer(securityKey(), "alice").attestedBy(keyMakersBatch)).credential()
                .attestation().trusted()).isTrue();
        assertThat(rp.registration.startSignUp(new SignUpRequest("bob", "Bob", false)).attestation())
                .as("options ask for the attestation").isEqualTo("direct");
    }

    @Test
    void anAllowListAdmitsOnlyModelsOnItThatTheAttestationVouchesForAndADenyListRefusesItsModels() {
        CeremonyFixture rp = relyingParty(new AuthenticatorPolicy("default", Set.of(), false, Set.of(SECURITY_KEY),
                Set.of(), false, Optional.empty()));
        AttestationCa.Attester namingTheModel = maker.attester("Key Maker FIDO2 Key", SECURITY_KEY);

        CeremonyException claimed = rp.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED,
                () -> rp.finish(rp.signUpAnswer(securityKey(), "alice").format("packed")));
        CeremonyException unnamed = rp.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED,
                () -> rp.finish(rp.signUpAnswer(securityKey(), "alice").attestedBy(keyMakersBatch)));
        rp.expectFailure(CeremonyFailure.INVALID_REQUEST, () -> rp.finish(rp.signUpAnswer(
                SoftwareAuthenticator.es256().withAaguid(OTHER_MODEL), "alice").attestedBy(namingTheModel)));
        RegistrationResult admitted = rp.finish(rp.signUpAnswer(securityKey(), "alice").attestedBy(namingTheModel));

        assertThat(claimed.detail()).as("an unattested AAGUID is only a claim")
                .contains("hardware security key from the approved list");
        assertThat(unnamed.auditReason()).as("a trusted chain whose certificate does not name the model")
                .contains("verified to");
        assertThat(admitted.credential().attestation().modelVerified()).isTrue();
        assertThat(rp.accounts.credentialCount()).isOne();

        CeremonyFixture denying = relyingParty(new AuthenticatorPolicy("default", Set.of(), false, Set.of(),
                Set.of(SECURITY_KEY), false, Optional.empty()));
        denying.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED,
                () -> denying.finish(denying.signUpAnswer(securityKey(), "bob").attestedBy(keyMakersBatch)));
        assertThat(denying.accounts.credentialCount()).isZero();
    }

    @Test
    void aGroupPolicyAppliesToItsMembersOnly() {
        CeremonyFixture rp = relyingParty(anyAuthenticator(),
                new AuthenticatorPolicy("operators", Set.of("admin"), false, Set.of(), Set.of(), true, Optional.empty()));
        admins.add("root");

        CeremonyException refused = rp.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED,
                () -> rp.signUp(securityKey().synced(), "root"));
        rp.signUp(securityKey().synced(), "alice");
        rp.signUp(securityKey(), "root");

        assertThat(refused.detail()).contains("stays on one device");
        assertThat(refused.auditReason()).contains("policy operators", "synced");
        assertThat(rp.accounts.findByUsername("root")).isPresent();
        assertThat(rp.accounts.credentialCount()).isEqualTo(2);
        assertThat(rp.registration.startSignUp(new SignUpRequest("root2", "Root", false)).attestation())
                .as("device-bound alone needs no attestation").isEqualTo("none");
    }

    @Test
    void aPasskeyThatNoLongerMeetsItsAccountsPolicyCannotSignInAndItsCounterStays() {
        CeremonyFixture rp = relyingParty(anyAuthenticator(),
                new AuthenticatorPolicy("operators", Set.of("admin"), true, Set.of(), Set.of(), true, Optional.empty()));
        SoftwareAuthenticator phone = securityKey().synced();
        RegistrationResult alice = rp.signUp(phone, "alice");
        assertThat(rp.authentication.finishAssertion(rp.signInAnswer(phone).build()).user()).isEqualTo(alice.user());
        long counter = rp.accounts.findById(phone.credentialId()).orElseThrow().signCount();

        admins.add("alice");
        CeremonyException refused = rp.expectFailure(CeremonyFailure.AUTHENTICATOR_NOT_ALLOWED,
                () -> rp.authentication.finishAssertion(rp.signInAnswer(phone).build()));

        assertThat(refused.detail()).contains("verified attestation");
        assertThat(rp.accounts.findById(phone.credentialId()).orElseThrow().signCount()).isEqualTo(counter);
    }

    @Test
    void aPolicyThatNeedsAttestationWithoutAnyTrustAnchorStopsTheStart() {
        assertThatThrownBy(() -> new AssuranceConfig(List.of(), Optional.empty(), List.of(),
                AssuranceConfig.FIDO_MDS_SIGNER, Set.of(), anyAuthenticator(), List.of(new AuthenticatorPolicy("operators", Set.of("admin"), true, Set.of(), Set.of(), false, Optional.empty()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passkeys.attestation.trust-anchors");
        assertThatThrownBy(() -> new AssuranceConfig(List.of(), Optional.empty(), List.of(),
                AssuranceConfig.FIDO_MDS_SIGNER, Set.of(), anyAuthenticator(), List.of(AuthenticatorPolicy.permissive("operators", Set.of()))))
                .hasMessageContaining("passkeys.policy.operators.groups");
    }

    @Test
    void aTamperedAttestationSignatureIsRefusedWhateverItsCertificate() {
        CeremonyFixture rp = relyingParty(anyAuthenticator());

        rp.expectFailure(CeremonyFailure.INVALID_REQUEST, () -> rp.finish(rp.signUpAnswer(securityKey(), "alice")
                .attestedBy(keyMakersBatch).attestationStatement(statement -> {
                    byte[] sig = ((byte[]) statement.get("sig")).clone();
                    sig[sig.length - 1] ^= 1;
                    statement.put("sig", sig);
                    return statement;
                })));

        assertThat(rp.accounts.credentialCount()).isZero();
        assertThat(Optional.of(rp.accounts.userCount())).contains(0);
    }
}
