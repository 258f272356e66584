package io.ztrade.orderbook.service.kafka;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the latest snapshot of each partition in memory. */
final class InMemorySnapshotStore implements SnapshotStore {

    private final Map<String, Snapshot> latest = new ConcurrentHashMap<>();

    @Override
    public void save(Snapshot snapshot) {
        latest.merge(snapshot.topic() + "/" + snapshot.partition(), snapshot,
                (old, now) -> now.nextOffset() > old.nextOffset() ? now : old);
    }

    @Override
    public Optional<Snapshot> latest(String topic, int partition) {
        return Optional.ofNullable(latest.get(topic + "/" + partition));
    }
}
