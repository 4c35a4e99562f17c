package org.jpasskeys.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.jpasskeys.challenge.ChallengeGenerator;
import org.jpasskeys.credential.jpa.SchemaMigration;
import org.jpasskeys.state.DatabaseOneTimeValues;
import org.jpasskeys.state.JCacheStores;
import org.jpasskeys.state.LocalOneTimeValues;
import org.jpasskeys.state.OneTimeValues;
import org.jpasskeys.state.SqlTransactions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What each {@code passkeys.state.store} costs a ceremony: the two store operations of one sign-in (the options
 * put the challenge, the verification takes it), p50 and p99, against the local store in the same run.
 */
final class StateStoreBenchmark {

    private static final int WARMUP = 2_000;
    private static final int MEASURED = 5_000;
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final long MAX_PENDING = 100_000;

    private StateStoreBenchmark() {
    }

    static void run() {
        Clock clock = Clock.systemUTC();
        long[] local = time(new LocalOneTimeValues(TTL, MAX_PENDING, clock), clock);
        report("state store: local (Caffeine)", local, local);
        report("state store: jcache (in-JVM provider)", time(JCacheStores.open(
                Optional.of("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider"), Optional.empty(), TTL,
                clock), clock), local);
        Optional<DataSource> postgresql = postgresql();
        String database = postgresql.isPresent() ? "PostgreSQL on 127.0.0.1" : "H2 in memory (no PostgreSQL here)";
        DataSource dataSource = postgresql.orElseGet(StateStoreBenchmark::h2);
        SchemaMigration.migrate(dataSource);
        report("state store: database (" + database + ")",
                time(new DatabaseOneTimeValues(transactions(dataSource), MAX_PENDING, clock), clock), local);
    }

    /** Nanoseconds of one put and one take of a fresh challenge, after the warm-up. */
    private static long[] time(OneTimeValues store, Clock clock) {
        ChallengeGenerator generator = new ChallengeGenerator();
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            String key = "challenge:" + generator.newChallenge();
            long start = System.nanoTime();
            store.put(key, "{\"ceremony\":\"AUTHENTICATION\",\"origins\":[\"https://example.com\"]}",
                    clock.instant().plus(TTL));
            if (store.take(key).isEmpty()) {
                throw new IllegalStateException("the store lost a value");
            }
            if (i >= WARMUP) {
                nanos[i - WARMUP] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    private static void report(String name, long[] nanos, long[] local) {
        System.out.printf(Locale.ROOT, "%-52s p50 %8.1f us  p99 %8.1f us  (%.1f x local at p50)%n", name,
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
