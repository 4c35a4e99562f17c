package org.jpasskeys.mechanism;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.jpasskeys.admin.AccountAdministration;
import org.jpasskeys.admin.AccountDirectory;
import org.jpasskeys.assurance.AuthenticatorMetadata;
import org.jpasskeys.assurance.MetadataBlobReader;
import org.jpasskeys.assurance.MetadataRefresh;
import org.jpasskeys.ceremony.AuthenticationCeremony;
import org.jpasskeys.ceremony.CeremonyContext;
import org.jpasskeys.ceremony.DecoyCredentials;
import org.jpasskeys.ceremony.PasskeyManagement;
import org.jpasskeys.ceremony.RegistrationCeremony;
import org.jpasskeys.challenge.CaffeineChallengeStore;
import org.jpasskeys.challenge.ChallengeGenerator;
import org.jpasskeys.challenge.ChallengeStore;
import org.jpasskeys.challenge.PendingPerClient;
import org.jpasskeys.challenge.SecondFactorChallenges;
import org.jpasskeys.challenge.SharedChallengeStore;
import org.jpasskeys.config.AssuranceConfig;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.config.StateConfig;
import org.jpasskeys.config.TokenKeyStoreConfig;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.OtherSignInMethods;
import org.jpasskeys.credential.PasskeyDescriptions;
import org.jpasskeys.credential.UserRepository;
import org.jpasskeys.metrics.PasskeyMetrics;
import org.jpasskeys.ratelimit.Buckets;
import org.jpasskeys.ratelimit.ClusterBuckets;
import org.jpasskeys.ratelimit.LocalBuckets;
import org.jpasskeys.ratelimit.PerAddress;
import org.jpasskeys.ratelimit.PerUsername;
import org.jpasskeys.ratelimit.RateLimiter;
import org.jpasskeys.revocation.AccountStandingStore;
import org.jpasskeys.revocation.Revocations;
import org.jpasskeys.state.ClusterJobs;
import org.jpasskeys.state.DatabaseAtomicValues;
import org.jpasskeys.state.DatabaseClusterJobs;
import org.jpasskeys.state.DatabaseOneTimeValues;
import org.jpasskeys.state.JCacheStores;
import org.jpasskeys.state.LocalOneTimeValues;
import org.jpasskeys.state.OneTimeValues;
import org.jpasskeys.state.SqlTransactions;
import org.jpasskeys.state.StateStore;
import org.jpasskeys.token.AccessTokenIssuer;
import org.jpasskeys.token.AccessTokenVerifier;
import org.jpasskeys.token.DatabaseTokenKeys;
import org.jpasskeys.token.JsonWebKeySet;
import org.jpasskeys.token.PrivateKeyEncryption;
import org.jpasskeys.token.TokenKeyRing;
import org.jpasskeys.token.TokenKeys;

/** The module's CDI wiring, in one place: plain-Java services built from the configuration. */
@ApplicationScoped
public class PasskeysBeans {

    private static final Logger LOG = Logger.getLogger(PasskeysBeans.class.getName());
    private static final Clock CLOCK = Clock.systemUTC();

    /**
     * Pending challenges, {@code mfaChallenge} tokens and rate-limit buckets: in this JVM, or shared by the cluster.
     * JCache classes are named only in the {@code jcache} branch, so servers without the API never load them.
     */
    @Produces
    @Singleton
    StateStore stateStore(PasskeysConfig config, SqlTransactions transactions) {
        StateConfig state = config.state();
        return switch (state.store()) {
            case LOCAL -> {
                LOG.info(() -> "jpasskeys: challenges and rate limits in memory (Caffeine), ttl "
                        + config.challengeTtl() + ", at most " + config.challengeMaxPending() + " pending");
                yield new StateStore(new LocalOneTimeValues(config.challengeTtl(), config.challengeMaxPending(), CLOCK),
                        Optional.empty(), () -> { }, () -> OptionalInt.of(1));
            }
            case JCACHE -> {
                JCacheStores grid = JCacheStores.open(state.jcacheProvider(), state.jcacheUri());
                yield new StateStore(grid.oneTimeValues(config.challengeTtl(), CLOCK),
                        Optional.of(grid.atomicValues(ClusterBuckets.longestKeep())), grid, grid::members);
            }
            case DATABASE -> {
                LOG.info(() -> "jpasskeys: challenges and rate limits in the database (tables jp_one_time_value, "
                        + "jp_atomic_value), shared by every node, at most " + config.challengeMaxPending() + " each");
                yield new StateStore(new DatabaseOneTimeValues(transactions, config.challengeMaxPending(), CLOCK),
                        Optional.of(new DatabaseAtomicValues(transactions, config.challengeMaxPending(), CLOCK)),
                        () -> { }, OptionalInt::empty);
            }
        };
    }

    void closeStateStore(@Disposes StateStore store) throws Exception {
        store.resources().close();
    }

    @Produces
    @Singleton
    OneTimeValues oneTimeValues(StateStore store) {
        return store.oneTimeValues();
    }

    /** Rate-limit buckets: Bucket4j's own in this JVM, or its proxy manager over the shared store. */
    @Produces
    @Singleton
    Buckets buckets(StateStore store) {
        return store.atomicValues().<Buckets>map(values -> new ClusterBuckets(values, TimeMeter.SYSTEM_MILLISECONDS))
                .orElseGet(() -> new LocalBuckets(TimeMeter.SYSTEM_NANOTIME));
    }

    /** Jobs one node runs for the cluster (the audit purge): claimed in the database every node shares. */
    @Produces
    @Singleton
    ClusterJobs clusterJobs(SqlTransactions transactions) {
        return new DatabaseClusterJobs(transactions);
    }

    /** The store the ceremonies use: fair between clients, over the one {@code passkeys.state.store} names. */
    @Produces
    @Singleton
    ChallengeStore challengeStore(PendingPerClient fair) {
        return fair;
    }

    @Produces
    @Singleton
    @Typed(PendingPerClient.class)
    PendingPerClient pendingPerClient(PasskeysConfig config, OneTimeValues shared) {
        ChallengeStore store = config.state().store() == StateConfig.Store.LOCAL
                ? new CaffeineChallengeStore(config.challengeTtl(), config.challengeMaxPending(), CLOCK)
                : new SharedChallengeStore(shared);
        return new PendingPerClient(store, config.rateLimit().pendingChallengesPerClient(),
                config.challengeMaxPending(), config.challengeTtl());
    }

    /** Applications inject this to hand out {@code mfaChallenge} tokens after their own first factor. */
    @Produces
    @Singleton
    SecondFactorChallenges secondFactorChallenges(PasskeysConfig config, OneTimeValues pending) {
        return new SecondFactorChallenges(pending, config.challengeTtl(), new ChallengeGenerator(), CLOCK);
    }

    @Produces
    @Singleton
    CeremonyContext ceremonyContext(PasskeysConfig config, ChallengeStore challenges, UserRepository users,
                                    CredentialRepository credentials, ApplicationGroups groups,
                                    AuthenticatorMetadata metadata) {
        return new CeremonyContext(config, challenges, new ChallengeGenerator(), users, credentials, CLOCK, groups,
                metadata);
    }

    /** The FIDO metadata of {@code passkeys.attestation.metadata-location}, read by {@link MetadataRefresh}. */
    @Produces
    @Singleton
    AuthenticatorMetadata authenticatorMetadata(PasskeysConfig config) {
        AssuranceConfig assurance = config.assurance();
        return assurance.metadataLocation()
                .map(location -> AuthenticatorMetadata.from(location, new MetadataBlobReader(assurance.metadataRoots(),
                        assurance.metadataSigner()),
                        CLOCK))
                .orElseGet(AuthenticatorMetadata::none);
    }

    @Produces
    @Singleton
    RegistrationCeremony registrationCeremony(CeremonyContext context) {
        return new RegistrationCeremony(context);
    }

    @Produces
    @Singleton
    AuthenticationCeremony authenticationCeremony(CeremonyContext context, PasskeysConfig config, TokenKeyRing keys) {
        return new AuthenticationCeremony(context, new DecoyCredentials(decoySecret(config, keys),
                () -> context.credentials().sampleShapes(DecoyCredentials.SAMPLED_ACCOUNTS), System::nanoTime));
    }

    @Produces
    @Singleton
    PasskeyManagement passkeyManagement(CeremonyContext context, Instance<OtherSignInMethods> otherSignInMethods) {
        return new PasskeyManagement(context,
                otherSignInMethods.isResolvable() ? otherSignInMethods.get() : OtherSignInMethods.NONE);
    }

    @Produces
    @Singleton
    @PerAddress
    RateLimiter perAddressLimiter(PasskeysConfig config, Buckets buckets) {
        return new RateLimiter("per-address", config.rateLimit().perAddressPerMinute(), buckets);
    }

    @Produces
    @Singleton
    @PerUsername
    RateLimiter perUsernameLimiter(PasskeysConfig config, Buckets buckets) {
        return new RateLimiter("per-username", config.rateLimit().perUsernamePerMinute(), buckets);
    }

    @Produces
    @Singleton
    Revocations revocations(PasskeysConfig config, AccountStandingStore standings) {
        return new Revocations(standings, config.operations(), config.tokenLifetime(), CLOCK, Ticker.systemTicker());
    }

    @Produces
    @Singleton
    AccountAdministration accountAdministration(AccountDirectory directory, CredentialRepository credentials,
                                                Revocations revocations) {
        return new AccountAdministration(directory, credentials, revocations);
    }

    @Produces
    @Singleton
    PasskeyMetrics passkeyMetrics() {
        return new PasskeyMetrics();
    }

    @Produces
    @Singleton
    PasskeyDescriptions passkeyDescriptions(AuthenticatorMetadata metadata) {
        return new PasskeyDescriptions(metadata);
    }

    /**
     * The secret of the decoy passkeys, the same on every node: with the database key store derived (PBKDF2) from
     * the secret that seals the keys, so the same across rotations; else from the key file every node reads (a new
     * key file makes new decoys).
     */
    private static byte[] decoySecret(PasskeysConfig config, TokenKeyRing keys) {
        Optional<String> sealing = config.tokenKeyStore().encryptionSecret();
        if (sealing.isPresent()) {
            return new PrivateKeyEncryption(sealing.get()).derive("jpasskeys decoy credentials");
        }
        byte[] material = keys.current().signing().privateKey().getEncoded();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("jpasskeys decoy credentials".getBytes(StandardCharsets.UTF_8));
            return sha256.digest(material);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Produces
    @Singleton
    TokenKeyRing tokenKeys(PasskeysConfig config, SqlTransactions transactions) {
        TokenKeyStoreConfig store = config.tokenKeyStore();
        return store.kind() == TokenKeyStoreConfig.Kind.DATABASE
                ? new DatabaseTokenKeys(transactions, new PrivateKeyEncryption(store.encryptionSecret().orElseThrow()),
                        store.refreshInterval(), config.tokenLifetime(), CLOCK).load()
                : TokenKeyRing.fixed(TokenKeys.load(config.tokenKeyLocation(), config.previousTokenKeyLocation()));
    }

    @Produces
    @Singleton
    AccessTokenIssuer accessTokenIssuer(PasskeysConfig config, TokenKeyRing keys) {
        return new AccessTokenIssuer(config, keys, CLOCK);
    }

    @Produces
    @Singleton
    AccessTokenVerifier accessTokenVerifier(PasskeysConfig config, TokenKeyRing keys) {
        return new AccessTokenVerifier(config, keys, CLOCK);
    }

    @Produces
    @Singleton
    JsonWebKeySet jsonWebKeySet(TokenKeyRing keys) {
        return new JsonWebKeySet(keys);
    }
}
