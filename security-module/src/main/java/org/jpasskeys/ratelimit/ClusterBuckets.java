package org.jpasskeys.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.RetryDecision;
import io.github.bucket4j.distributed.proxy.RetryStrategy;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.jpasskeys.state.AtomicValues;

/**
 * Buckets shared by every node ({@code passkeys.state.store=jcache|database}), so that 10 a minute per address
 * means 10 across the cluster: Bucket4j's compare-and-swap proxy manager reads a bucket's state, does the bucket
 * arithmetic, and swaps the new state in only if no other node changed it meanwhile (else it reads again). The
 * state is kept as text in {@link AtomicValues}, until a little after the bucket would be full again.
 * <p>
 * Compare-and-swap alone scales badly on one busy key (all the people behind one proxy address): every request
 * in flight competes with every other. Bucket4j's batching optimisation therefore combines the requests of this
 * node for one key that arrive while one is in flight into a single read-and-swap, so at most one swap per node
 * competes for a key. It lives in the bucket proxy, so the proxies of recent keys are kept (bounded).
 */
public final class ClusterBuckets extends AbstractCompareAndSwapBasedProxyManager<String> implements Buckets {

    /** How long a bucket is kept after it would be full again: a full bucket is the same as none. */
    static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

    private static final ExpirationAfterWriteStrategy EXPIRY =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL);

    static final int MAX_KEY_LENGTH = 128;

    /**
     * How often, and for how long, a request reads and swaps again when others changed the bucket meanwhile, each
     * time after a random pause of up to twice the last (so that many requests of one address spread out); past
     * that the key is under a flood, and the request is refused rather than adding to it ({@link RateLimiter}).
     * With one swap per node in flight, only a stalled node or a large cluster gets there.
     */
    static final int MAX_ATTEMPTS = 32;
    static final Duration MAX_WAIT = Duration.ofSeconds(2);
    private static final long MAX_PAUSE_NANOS = Duration.ofMillis(50).toNanos();

    private final AtomicValues states;
    private final Cache<String, Bucket> proxies = Caffeine.newBuilder().maximumSize(LocalBuckets.MAX_KEYS)
            .expireAfterAccess(longestKeep()).build();

    /** @param wallClock the time every node reads the same (give or take NTP): {@code TimeMeter.SYSTEM_MILLISECONDS} */
    public ClusterBuckets(AtomicValues states, TimeMeter wallClock) {
        super(ClientSideConfig.getDefault().withClientClock(wallClock).withExpirationAfterWriteStrategy(EXPIRY)
                .withRetryStrategy(ClusterBuckets::backOff));
        this.states = states;
    }

    private static RetryDecision backOff(RetryStrategy.RetryMetadata attempt) {
        if (attempt.getAttemptNumber() >= MAX_ATTEMPTS
                || attempt.getCurrentTimeNanos() - attempt.getStartTimeNanos() > MAX_WAIT.toNanos()) {
            return RetryDecision.stop();
        }
        long ceiling = Math.min(MAX_PAUSE_NANOS, 250_000L << Math.min(attempt.getAttemptNumber(), 16));
        return RetryDecision.retryAfter(Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling)));
    }

    /** How long a bucket of at most a minute's refill may be kept: the bound for a store's own expiry. */
    public static Duration longestKeep() {
        return Duration.ofMinutes(1).plus(KEEP_AFTER_REFILL);
    }

    @Override
    public Bucket of(String key, BucketConfiguration configuration) {
        return proxies.get(storedKey(key), stored -> builder().withOptimization(Optimizations.batching())
                .build(stored, () -> configuration));
    }

    /** The key as stored: a long one (e.g. an odd forwarded address) by its SHA-256, to fit the store's column. */
    static String storedKey(String key) {
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            return "sha256 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return states.get(key).map(Base64.getDecoder()::decode);
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                          Optional<Long> timeoutNanos) {
                long now = currentTimeNanos();
                Instant expiresAt = Instant.ofEpochMilli(now / 1_000_000).plusMillis(
                        EXPIRY.calculateTimeToLiveMillis(newState, now));
                String value = Base64.getEncoder().encodeToString(newData);
                return originalData == null ? states.create(key, value, expiresAt)
                        : states.replace(key, Base64.getEncoder().encodeToString(originalData), value, expiresAt);
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the module asks its buckets synchronously");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("buckets expire; the module removes none");
    }

    @Override
    public void removeProxy(String key) {
        throw new UnsupportedOperationException("buckets expire; the module removes none");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }
}
