package org.jpasskeys.mechanism;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jpasskeys.ceremony.AuthenticationCeremony;
import org.jpasskeys.ceremony.CeremonyContext;
import org.jpasskeys.ceremony.PasskeyManagement;
import org.jpasskeys.ceremony.RegistrationCeremony;
import org.jpasskeys.challenge.CaffeineChallengeStore;
import org.jpasskeys.challenge.ChallengeGenerator;
import org.jpasskeys.challenge.ChallengeStore;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.UserRepository;
import org.jpasskeys.token.AccessTokenIssuer;
import org.jpasskeys.token.AccessTokenVerifier;
import org.jpasskeys.token.JsonWebKeySet;
import org.jpasskeys.token.SigningKey;
import org.jpasskeys.token.SigningKeyFile;

/** The module's CDI wiring, in one place: plain-Java services built from the configuration. */
@ApplicationScoped
public class PasskeysBeans {

    private static final Logger LOG = Logger.getLogger(PasskeysBeans.class.getName());
    private static final Clock CLOCK = Clock.systemUTC();

    @Produces
    @Singleton
    ChallengeStore challengeStore(PasskeysConfig config) {
        LOG.info(() -> "jpasskeys: challenges in memory (Caffeine), ttl " + config.challengeTtl() + ", at most "
                + config.challengeMaxPending() + " pending");
        return new CaffeineChallengeStore(config.challengeTtl(), config.challengeMaxPending(), CLOCK);
    }

    @Produces
    @Singleton
    CeremonyContext ceremonyContext(PasskeysConfig config, ChallengeStore challenges, UserRepository users,
                                    CredentialRepository credentials) {
        return new CeremonyContext(config, challenges, new ChallengeGenerator(), users, credentials, CLOCK);
    }

    @Produces
    @Singleton
    RegistrationCeremony registrationCeremony(CeremonyContext context) {
        return new RegistrationCeremony(context);
    }

    @Produces
    @Singleton
    AuthenticationCeremony authenticationCeremony(CeremonyContext context) {
        return new AuthenticationCeremony(context);
    }

    @Produces
    @Singleton
    PasskeyManagement passkeyManagement(CeremonyContext context) {
        return new PasskeyManagement(context);
    }

    @Produces
    @Singleton
    SigningKey signingKey(PasskeysConfig config) {
        SigningKey key = SigningKeyFile.loadOrCreate(config.tokenKeyLocation());
        LOG.info(() -> "jpasskeys: access tokens signed with key " + key.keyId());
        return key;
    }

    @Produces
    @Singleton
    AccessTokenIssuer accessTokenIssuer(PasskeysConfig config, SigningKey key) {
        return new AccessTokenIssuer(config, key, CLOCK);
    }

    @Produces
    @Singleton
    AccessTokenVerifier accessTokenVerifier(PasskeysConfig config, SigningKey key) {
        return new AccessTokenVerifier(config, List.of(key), CLOCK);
    }

    @Produces
    @Singleton
    JsonWebKeySet jsonWebKeySet(SigningKey key) {
        return new JsonWebKeySet(List.of(key));
    }
}
