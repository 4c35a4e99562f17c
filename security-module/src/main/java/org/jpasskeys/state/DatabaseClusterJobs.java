package org.jpasskeys.state;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link ClusterJobs} in table {@code jp_cluster_job}: a claim is one conditional UPDATE of the job's row, which
 * the database applies for one transaction only (the others then see the moved time and update nothing).
 */
public final class DatabaseClusterJobs implements ClusterJobs {

    private static final String CLAIM = "UPDATE jp_cluster_job SET next_run_at = ? WHERE name = ? AND next_run_at <= ?";
    private static final String RELEASE = "UPDATE jp_cluster_job SET next_run_at = ? WHERE name = ? AND next_run_at = ?";

    private final SqlTransactions transactions;

    public DatabaseClusterJobs(SqlTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean claim(String job, Instant now, Duration every) {
        return transactions.inNewTransaction(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setTimestamp(1, Timestamp.from(now.plus(every)));
                claim.setString(2, job);
                claim.setTimestamp(3, Timestamp.from(now));
                return claim.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(String job, Instant now, Duration every) {
        // Only while the row still holds this claim's time: a later claim by another node stays.
        transactions.inNewTransaction(connection -> {
            try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
                release.setTimestamp(1, Timestamp.from(now));
                release.setString(2, job);
                release.setTimestamp(3, Timestamp.from(now.plus(every)));
                return release.executeUpdate();
            }
        });
    }
}
