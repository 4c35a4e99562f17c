package org.jpasskeys.state;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the JCache grid for {@code passkeys.state.store=jcache}: the provider named by
 * {@code passkeys.state.jcache.provider} (with {@code passkeys.state.jcache.uri}), else the server's own (Payara
 * binds its Hazelcast-backed manager at {@value #PAYARA_CACHE_MANAGER}), else the one provider the application
 * ships. The only class that names {@code javax.cache}: servers without it never load it unless asked to.
 */
public final class JCacheStores {

    static final String PAYARA_CACHE_MANAGER = "payara/CacheManager";
    private static final String CACHE = "jpasskeys-one-time-values";
    private static final Logger LOG = Logger.getLogger(JCacheStores.class.getName());

    private JCacheStores() {
    }

    /** One-time values in the grid's cache {@value #CACHE}; fails, naming the keys to set, when there is no grid. */
    public static OneTimeValues open(Optional<String> provider, Optional<URI> uri, Duration ttl, Clock clock) {
        Optional<CacheManager> server = provider.isPresent() ? Optional.empty() : serverCacheManager();
        CacheManager manager = server.orElseGet(() -> cacheManager(provider, uri));
        Cache<String, String> cache = manager.getCache(CACHE, String.class, String.class);
        if (cache == null) {
            try {
                cache = manager.createCache(CACHE, new MutableConfiguration<String, String>()
                        .setTypes(String.class, String.class)
                        .setStoreByValue(true)
                        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                                new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, ttl.toMillis()))));
            } catch (javax.cache.CacheException e) {
                // Another node created it first.
                cache = manager.getCache(CACHE, String.class, String.class);
            }
        }
        LOG.info(() -> "jpasskeys: pending challenges and one-time tokens in JCache " + manager.getURI() + " ("
                + manager.getCachingProvider().getClass().getName() + "), cache " + CACHE);
        return new JCacheOneTimeValues(cache, server.isEmpty(), clock);
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
