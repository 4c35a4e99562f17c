package org.jpasskeys.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;

/** Bucket4j's time, moved by the test. */
public final class ManualTimeMeter implements TimeMeter {

    private final AtomicLong nanos;
    private final boolean wallClock;

    private ManualTimeMeter(long nanos, boolean wallClock) {
        this.nanos = new AtomicLong(nanos);
        this.wallClock = wallClock;
    }

    /** A monotonic time from zero, as a local bucket reads it. */
    public static ManualTimeMeter monotonic() {
        return new ManualTimeMeter(0, false);
    }

    /** A wall-clock time from now, as the nodes of a cluster read it. */
    public static ManualTimeMeter wallClockNow() {
        return new ManualTimeMeter(Duration.ofMillis(System.currentTimeMillis()).toNanos(), true);
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return wallClock;
    }
}
