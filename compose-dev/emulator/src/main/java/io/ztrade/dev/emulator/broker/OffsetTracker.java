package io.ztrade.dev.emulator.broker;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed while records of a partition finish out of order: per
 * partition, the committable offset is the lowest record still in flight (or one past the last
 * record seen when none is). A record is never counted as done before its delivery finished, so
 * a restart resumes at the first unfinished one: at-least-once, never lost. Thread-safe.
 */
public final class OffsetTracker {

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();
    private int inFlight;

    private static final class Partition {
        final TreeSet<Long> pending = new TreeSet<>();
        long next = -1;
        long committed = -1;
    }

    /** A record was handed out for processing. */
    public synchronized void started(TopicPartition tp, long offset) {
        Partition p = partitions.computeIfAbsent(tp, k -> new Partition());
        p.pending.add(offset);
        p.next = Math.max(p.next, offset + 1);
        inFlight++;
    }

    /** The record's processing finished (delivered, dead-lettered or dropped). */
    public synchronized void finished(TopicPartition tp, long offset) {
        Partition p = partitions.get(tp);
        if (p != null && p.pending.remove(offset)) {
            inFlight--;
        }
    }

    /** Records handed out and not finished yet, over all partitions. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /**
     * Offsets to commit now: for each partition whose committable offset moved since the last
     * call, the offset of its first unfinished record (Kafka commits "the next record to read").
     */
    public synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (Map.Entry<TopicPartition, Partition> e : partitions.entrySet()) {
            Partition p = e.getValue();
            if (p.next < 0) {
                continue;
            }
            long offset = p.pending.isEmpty() ? p.next : p.pending.first();
            if (offset > p.committed) {
                out.put(e.getKey(), new OffsetAndMetadata(offset));
            }
        }
        return out;
    }

    /** {@code offsets} were committed. */
    public synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, om) -> {
            Partition p = partitions.get(tp);
            if (p != null) {
                p.committed = Math.max(p.committed, om.offset());
            }
        });
    }
}
