package io.ztrade.orderbook.service.kafka;

import java.util.Optional;

/** Where the books of a partition are kept between runs, with the offset they include. */
public interface SnapshotStore {

    /**
     * One stored state.
     *
     * @param nextOffset offset of the first record not included: replay starts there
     * @param state      {@code PartitionState.toBytes()}
     */
    record Snapshot(String topic, int partition, long nextOffset, byte[] state) {
    }

    /**
     * Stores a snapshot. Storing one at an offset that exists already changes nothing (processing is
     * deterministic: two owners of one offset hold the same state).
     */
    void save(Snapshot snapshot);

    /** The snapshot with the highest offset for this partition, if any. */
    Optional<Snapshot> latest(String topic, int partition);

    /** The in-memory store: for tests and benchmarks, gone with the process. */
    static SnapshotStore inMemory() {
        return new InMemorySnapshotStore();
    }
}
