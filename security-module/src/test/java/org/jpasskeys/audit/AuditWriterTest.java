package org.jpasskeys.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class AuditWriterTest {

    private final List<List<AuditEvent>> batches = new CopyOnWriteArrayList<>();
    private final Consumer<List<AuditEvent>> table = batch -> batches.add(List.copyOf(batch));

    @Test
    void bufferedEventsReachTheTableInOrderInBatchesOfOneTransactionEach() {
        AuditWriter writer = new AuditWriter(table, 100, 3);
        List<AuditEvent> recorded = events(7);
        recorded.forEach(writer::write);
        assertThat(batches).as("nothing on the request path").isEmpty();
        assertThat(writer.buffered()).isEqualTo(7);

        writer.flush();

        assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(stored()).containsExactlyElementsOf(recorded);
        assertThat(writer.buffered()).isZero();
    }

    @Test
    void aFullBufferIsWrittenByTheRequestThatFindsItFullAndNothingIsDropped() {
        AuditWriter writer = new AuditWriter(table, 4, 10);
        List<AuditEvent> recorded = events(10);

        recorded.forEach(writer::write);
        writer.flush();

        assertThat(stored()).containsExactlyElementsOf(recorded);
        assertThat(batches.get(0)).as("written by the fifth write, not by a flush").hasSize(4);
    }

    @Test
    void concurrentWritersAndFlushesLoseNothing() throws InterruptedException {
        AuditWriter writer = new AuditWriter(table, 16, 5);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<AuditEvent> recorded = events(4000);
        recorded.forEach(event -> threads.execute(() -> writer.write(event)));
        IntStream.range(0, 50).forEach(i -> threads.execute(writer::flush));
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        writer.flush();

        assertThat(stored()).hasSize(4000).containsExactlyInAnyOrderElementsOf(recorded);
    }

    @Test
    void aRefusedBatchIsReportedAndTheNextOnesAreStillWritten() {
        List<AuditEvent> refused = new ArrayList<>();
        AuditWriter writer = new AuditWriter(batch -> {
            if (refused.isEmpty()) {
                refused.addAll(batch);
                throw new IllegalStateException("database unreachable");
            }
            table.accept(batch);
        }, 100, 2);
        List<AuditEvent> recorded = events(5);
        recorded.forEach(writer::write);

        writer.flush();

        assertThat(refused).containsExactlyElementsOf(recorded.subList(0, 2));
        assertThat(stored()).containsExactlyElementsOf(recorded.subList(2, 5));
    }

    private List<AuditEvent> stored() {
        return batches.stream().flatMap(List::stream).toList();
    }

    private static List<AuditEvent> events(int count) {
        Instant start = Instant.parse("2026-12-01T08:00:00Z");
        return IntStream.range(0, count).mapToObj(i -> new AuditEvent(start.plusMillis(i), AuditEventType.SIGN_IN_SUCCEEDED,
                Optional.of("user" + i), Optional.empty(), Optional.of("127.0.0.1"), "event " + i)).toList();
    }
}
