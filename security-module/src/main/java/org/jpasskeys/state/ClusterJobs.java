package org.jpasskeys.state;

import java.time.Duration;
import java.time.Instant;

/** Jobs that one node runs for the whole cluster, such as the audit retention purge. */
public interface ClusterJobs {

    /**
     * Claims the run of {@code job} due at {@code now}: true for exactly one caller across the nodes, which then
     * runs it; the next run is due {@code every} later.
     */
    boolean claim(String job, Instant now, Duration every);

    /** Gives back the claim made with {@code now} and {@code every} after its run failed: the next look runs it. */
    void release(String job, Instant now, Duration every);
}
