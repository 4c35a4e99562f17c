package org.jpasskeys.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes audit events to their table off the request path: a bounded buffer, drained in batches of one
 * transaction each (by a scheduled task, and at shutdown). What is guaranteed:
 * <ul>
 * <li>every event is in the audit logger before it is buffered ({@link AuditLog}), so a crash loses at most the
 * table rows of the events buffered since the last batch, never the events themselves;</li>
 * <li>a full buffer never drops an event: the request that finds it full writes the buffer itself (backpressure);</li>
 * <li>an event the database refuses is reported in a warning with its type, never silently.</li>
 * </ul>
 * Plain Java: the batch writer is given, so that tests need no database.
 */
public final class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());

    private final BlockingQueue<AuditEvent> buffer;
    private final Consumer<List<AuditEvent>> batchWriter;
    private final int maxBatch;
    // One writer at a time keeps the rows in the order of the events.
    private final ReentrantLock writing = new ReentrantLock();

    /**
     * @param batchWriter stores a batch in one transaction, or throws
     * @param capacity    events buffered at most
     * @param maxBatch    events per transaction at most
     */
    public AuditWriter(Consumer<List<AuditEvent>> batchWriter, int capacity, int maxBatch) {
        this.batchWriter = batchWriter;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
    }

    /** Buffers {@code event}; when the buffer is full, writes it out on this thread first. */
    public void write(AuditEvent event) {
        while (!buffer.offer(event)) {
            flush();
        }
    }

    /** Writes every buffered event, in batches. A refused batch is reported and the rest still written. */
    public void flush() {
        writing.lock();
        try {
            List<AuditEvent> batch = new ArrayList<>(maxBatch);
            while (buffer.drainTo(batch, maxBatch) > 0) {
                try {
                    batchWriter.accept(batch);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "jpasskeys audit: " + batch.size() + " events not stored ("
                            + batch.stream().map(event -> event.type().name()).distinct().toList()
                            + "); they are in the org.jpasskeys.audit log", e);
                }
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    /** Events buffered and not yet written. */
    public int buffered() {
        return buffer.size();
    }
}
