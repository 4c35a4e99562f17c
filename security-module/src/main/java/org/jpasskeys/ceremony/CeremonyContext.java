package org.jpasskeys.ceremony;

import java.time.Clock;
import java.util.Objects;

import org.jpasskeys.assurance.AccountGroups;
import org.jpasskeys.assurance.AttestationTrust;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.assurance.AuthenticatorPolicies;
import org.jpasskeys.challenge.ChallengeGenerator;
import org.jpasskeys.challenge.ChallengeStore;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.UserRepository;

/**
 * What every ceremony works with: the configuration, where challenges wait, where accounts and
 * passkeys are kept, and the clock.
 *
 * @param config      the relying party's configuration
 * @param challenges  pending challenges
 * @param generator   source of challenges and user handles
 * @param users       accounts
 * @param credentials passkeys
 * @param clock       time of issue, expiry and use
 * @param groups      the application's groups of an account, which choose its authenticator policies
 * @param metadata    the FIDO metadata in use, if any
 */
public record CeremonyContext(PasskeysConfig config, ChallengeStore challenges, ChallengeGenerator generator,
                              UserRepository users, CredentialRepository credentials, Clock clock,
                              AccountGroups groups, AuthenticatorMetadata metadata) {

    public CeremonyContext {
        Objects.requireNonNull(config);
        Objects.requireNonNull(challenges);
        Objects.requireNonNull(generator);
        Objects.requireNonNull(users);
        Objects.requireNonNull(credentials);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(groups);
        Objects.requireNonNull(metadata);
    }

    /** The authenticator policies of {@code config}, judging accounts by their groups. */
    AuthenticatorPolicies policies() {
        return new AuthenticatorPolicies(config.assurance().defaultPolicy(), config.assurance().groupPolicies(), groups,
                metadata, config.assurance().statusAccepted());
    }

    /** The configured trust anchors and those of the metadata. */
    AttestationTrust attestationTrust() {
        return new AttestationTrust(config.assurance().trustAnchors(), metadata);
    }
}
