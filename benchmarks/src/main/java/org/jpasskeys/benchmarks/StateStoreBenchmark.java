package org.jpasskeys.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import org.h2.jdbcx.JdbcDataSource;
import org.jpasskeys.challenge.ChallengeGenerator;
import org.jpasskeys.credential.jpa.SchemaMigration;
import org.jpasskeys.ratelimit.Buckets;
import org.jpasskeys.ratelimit.ClusterBuckets;
import org.jpasskeys.ratelimit.LocalBuckets;
import org.jpasskeys.ratelimit.RateLimiter;
import org.jpasskeys.state.DatabaseAtomicValues;
import org.jpasskeys.state.DatabaseOneTimeValues;
import org.jpasskeys.state.JCacheStores;
import org.jpasskeys.state.LocalOneTimeValues;
import org.jpasskeys.state.OneTimeValues;
import org.jpasskeys.state.SqlTransactions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What each {@code passkeys.state.store} costs a ceremony: the two store operations of one sign-in (the options
 * put the challenge, the verification takes it), and one rate-limit check (each of the sign-in's two requests
 * makes one), p50 and p99, against the local store in the same run.
 */
final class StateStoreBenchmark {

    private static final int MEASURED = 5_000;
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final long MAX_PENDING = 100_000;

    private StateStoreBenchmark() {
    }

    static void run() throws Exception {
        Clock clock = Clock.systemUTC();
        JCacheStores grid = JCacheStores.open(
                Optional.of("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider"), Optional.empty());
        Optional<DataSource> postgresql = postgresql();
        String database = postgresql.isPresent() ? "PostgreSQL on 127.0.0.1" : "H2 in memory (no PostgreSQL here)";
        DataSource dataSource = postgresql.orElseGet(StateStoreBenchmark::h2);
        SchemaMigration.migrate(dataSource);
        SqlTransactions transactions = transactions(dataSource);

        long[] local = challenges(new LocalOneTimeValues(TTL, MAX_PENDING, clock), clock);
        report("challenge put + take: local (Caffeine)", local, local);
        report("challenge put + take: jcache (in-JVM provider)", challenges(grid.oneTimeValues(TTL, clock), clock),
                local);
        report("challenge put + take: database (" + database + ")",
                challenges(new DatabaseOneTimeValues(transactions, MAX_PENDING, clock), clock), local);

        long[] localLimit = rateLimitChecks(new LocalBuckets(TimeMeter.SYSTEM_NANOTIME));
        report("rate-limit check: local (Bucket4j)", localLimit, localLimit);
        report("rate-limit check: jcache (in-JVM provider)", rateLimitChecks(new ClusterBuckets(
                grid.atomicValues(ClusterBuckets.longestKeep()), TimeMeter.SYSTEM_MILLISECONDS)), localLimit);
        report("rate-limit check: database (" + database + ")", rateLimitChecks(new ClusterBuckets(
                new DatabaseAtomicValues(transactions, MAX_PENDING, clock), TimeMeter.SYSTEM_MILLISECONDS)), localLimit);
        grid.close();
    }

    /** Nanoseconds of one put and one take of a fresh challenge, after the warm-up. */
    private static long[] challenges(OneTimeValues store, Clock clock) throws Exception {
        ChallengeGenerator generator = new ChallengeGenerator();
        return Benchmarks.time(Benchmarks.WARMUP + MEASURED, i -> {
            String key = "challenge:" + generator.newChallenge();
            store.put(key, "{\"ceremony\":\"AUTHENTICATION\",\"origins\":[\"https://example.com\"]}",
                    clock.instant().plus(TTL));
            if (store.take(key).isEmpty()) {
                throw new IllegalStateException("the store lost a value");
            }
        });
    }

    /** Nanoseconds of one rate-limit check, over a thousand client addresses. */
    private static long[] rateLimitChecks(Buckets buckets) throws Exception {
        RateLimiter limiter = new RateLimiter("per-address", 1_000_000, buckets);
        return Benchmarks.time(Benchmarks.WARMUP + MEASURED, i -> {
            if (!limiter.tryAcquire("10.0." + (i % 1000) / 250 + "." + i % 250).allowed()) {
                throw new IllegalStateException("a check with tokens left was refused");
            }
        });
    }

    private static void report(String name, long[] nanos, long[] local) {
        System.out.printf(Locale.ROOT, "%-62s p50 %8.1f us  p99 %8.1f us  (%.1f x local at p50)%n", name,
                Benchmarks.percentile(nanos, 50), Benchmarks.percentile(nanos, 99),
                Benchmarks.percentile(nanos, 50) / Benchmarks.percentile(local, 50));
    }

    private static Optional<DataSource> postgresql() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getProperty("bench.postgresql", "jdbc:postgresql://127.0.0.1:5432/test"));
        dataSource.setUser("postgres");
        try (Connection connection = dataSource.getConnection()) {
            return Optional.of(dataSource);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** A transaction per call, as the server gives the store (without a pool: a connection is opened once). */
    private static SqlTransactions transactions(DataSource dataSource) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new SqlTransactions() {
            @Override
            public <T> T inNewTransaction(Work<T> work) {
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
