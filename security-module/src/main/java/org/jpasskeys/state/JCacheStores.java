package org.jpasskeys.state;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The JCache grid of {@code passkeys.state.store=jcache}: the provider named by {@code passkeys.state.jcache.provider}
 * (with {@code passkeys.state.jcache.uri}), else the server's own (Payara binds its Hazelcast-backed manager at
 * {@value #PAYARA_CACHE_MANAGER}), else the one provider the application ships. The only class that opens
 * {@code javax.cache}: servers without it never load it unless asked to. A manager the application opened is
 * closed when it stops; the server's own stays open for its other applications.
 */
public final class JCacheStores implements AutoCloseable {

    static final String PAYARA_CACHE_MANAGER = "payara/CacheManager";
    static final String ONE_TIME_VALUES = "jpasskeys-one-time-values";
    static final String ATOMIC_VALUES = "jpasskeys-atomic-values";
    private static final Logger LOG = Logger.getLogger(JCacheStores.class.getName());

    private final CacheManager manager;
    private final boolean ownsManager;

    private JCacheStores(CacheManager manager, boolean ownsManager) {
        this.manager = manager;
        this.ownsManager = ownsManager;
    }

    /** The grid; fails, naming the keys to set, when there is none. */
    public static JCacheStores open(Optional<String> provider, Optional<URI> uri) {
        Optional<CacheManager> server = provider.isPresent() ? Optional.empty() : serverCacheManager();
        JCacheStores stores = new JCacheStores(server.orElseGet(() -> cacheManager(provider, uri)), server.isEmpty());
        LOG.info(() -> "jpasskeys: shared state in JCache " + stores.manager.getURI() + " ("
                + stores.manager.getCachingProvider().getClass().getName() + ")");
        return stores;
    }

    /** One-time values in cache {@value #ONE_TIME_VALUES}, each kept {@code ttl} after it was put. */
    public OneTimeValues oneTimeValues(Duration ttl, Clock clock) {
        return new JCacheOneTimeValues(cache(ONE_TIME_VALUES, CreatedExpiryPolicy.factoryOf(duration(ttl))), clock);
    }

    /** Atomic values in cache {@value #ATOMIC_VALUES}, each kept {@code keep} after its last write. */
    public AtomicValues atomicValues(Duration keep) {
        return new JCacheAtomicValues(cache(ATOMIC_VALUES, ModifiedExpiryPolicy.factoryOf(duration(keep))));
    }

    /**
     * How many members the grid has now, when its provider tells: Hazelcast's (Payara's grid) does, through its
     * {@code HazelcastCacheManager}; looked up by name, so that other providers need no Hazelcast classes.
     */
    public OptionalInt members() {
        try {
            ClassLoader loader = manager.getClass().getClassLoader();
            Object instance = Class.forName("com.hazelcast.cache.HazelcastCacheManager", false, loader)
                    .getMethod("getHazelcastInstance").invoke(manager);
            Object cluster = Class.forName("com.hazelcast.core.HazelcastInstance", false, loader)
                    .getMethod("getCluster").invoke(instance);
            Object members = Class.forName("com.hazelcast.cluster.Cluster", false, loader)
                    .getMethod("getMembers").invoke(cluster);
            return OptionalInt.of(((Collection<?>) members).size());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public void close() {
        if (ownsManager) {
            manager.close();
        }
    }

    private Cache<String, String> cache(String name, Factory<? extends ExpiryPolicy> expiry) {
        Cache<String, String> cache = manager.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        try {
            return manager.createCache(name, new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class)
                    .setStoreByValue(true)
                    .setExpiryPolicyFactory(expiry));
        } catch (javax.cache.CacheException e) {
            // Another node created it first.
            return manager.getCache(name, String.class, String.class);
        }
    }

    private static javax.cache.expiry.Duration duration(Duration duration) {
        return new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, duration.toMillis());
    }

    private static CacheManager cacheManager(Optional<String> provider, Optional<URI> uri) {
        try {
            var caching = provider.isPresent() ? Caching.getCachingProvider(provider.get()) : Caching.getCachingProvider();
            return caching.getCacheManager(uri.orElse(caching.getDefaultURI()), caching.getDefaultClassLoader());
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("passkeys.state.store=jcache, but no JCache provider could be used: the "
                    + "server has none and the application ships none (or several: name one in "
                    + "passkeys.state.jcache.provider): " + e, e);
        }
    }

    private static Optional<CacheManager> serverCacheManager() {
        try {
            return Optional.of(InitialContext.doLookup(PAYARA_CACHE_MANAGER));
        } catch (NamingException e) {
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("passkeys.state.store=jcache: the server's cache manager at "
                    + PAYARA_CACHE_MANAGER + " cannot be used: " + e, e);
        }
    }
}
