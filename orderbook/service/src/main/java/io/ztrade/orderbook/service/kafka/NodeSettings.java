package io.ztrade.orderbook.service.kafka;

import io.ztrade.orderbook.service.core.BookSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How one replica of the order book runs.
 *
 * @param bootstrapServers   Kafka bootstrap servers
 * @param ordersTopic        commands in ({@code ztrade.orders})
 * @param executionsTopic    events out ({@code ztrade.executions})
 * @param groupId            consumer group shared by all replicas: Kafka assigns each partition to one
 * @param clientId           this replica's client id (logs, quotas)
 * @param topicPartitions    partitions of both topics when this replica creates them
 * @param createTopics       create the topics when they are missing
 * @param pollTimeout        longest wait of one poll when nothing arrives
 * @param commitInterval     how often the offsets whose events are published are committed
 * @param snapshotInterval   a changed partition is snapshotted at least this often
 * @param snapshotEvery      ... and after this many records
 * @param requestTimeout     how long a REST call waits for its command's outcome
 * @param sessionTimeout     consumer group session timeout: how long a silent replica keeps its partitions
 * @param books              behaviour of every book
 * @param clientProperties   extra Kafka client properties (security, tuning), applied last
 */
public record NodeSettings(
        String bootstrapServers,
        String ordersTopic,
        String executionsTopic,
        String groupId,
        String clientId,
        int topicPartitions,
        boolean createTopics,
        Duration pollTimeout,
        Duration commitInterval,
        Duration snapshotInterval,
        long snapshotEvery,
        Duration requestTimeout,
        Duration sessionTimeout,
        BookSettings books,
        Map<String, String> clientProperties) {

    public NodeSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(ordersTopic, "ordersTopic");
        Objects.requireNonNull(executionsTopic, "executionsTopic");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(books, "books");
        clientProperties = Map.copyOf(clientProperties);
        if (topicPartitions < 1) {
            throw new IllegalArgumentException("topicPartitions must be positive: " + topicPartitions);
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be positive: " + snapshotEvery);
        }
    }

    /** The defaults of {@code application.properties}, for a broker. */
    public static NodeSettings defaults(String bootstrapServers) {
        return new NodeSettings(bootstrapServers, "ztrade.orders", "ztrade.executions", "ztrade-orderbook",
                "ztrade-orderbook", 3, true, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30),
                50_000, Duration.ofSeconds(10), Duration.ofSeconds(10), BookSettings.defaults(), Map.of());
    }

    public NodeSettings withTopics(String orders, String executions) {
        return new NodeSettings(bootstrapServers, orders, executions, groupId, clientId, topicPartitions, createTopics,
                pollTimeout, commitInterval, snapshotInterval, snapshotEvery, requestTimeout, sessionTimeout, books,
                clientProperties);
    }

    public NodeSettings withGroup(String group, String client) {
        return new NodeSettings(bootstrapServers, ordersTopic, executionsTopic, group, client, topicPartitions,
                createTopics, pollTimeout, commitInterval, snapshotInterval, snapshotEvery, requestTimeout,
                sessionTimeout, books, clientProperties);
    }

    public NodeSettings withSnapshots(Duration interval, long every) {
        return new NodeSettings(bootstrapServers, ordersTopic, executionsTopic, groupId, clientId, topicPartitions,
                createTopics, pollTimeout, commitInterval, interval, every, requestTimeout, sessionTimeout, books,
                clientProperties);
    }

    public NodeSettings withTopicPartitions(int partitions) {
        return new NodeSettings(bootstrapServers, ordersTopic, executionsTopic, groupId, clientId, partitions,
                createTopics, pollTimeout, commitInterval, snapshotInterval, snapshotEvery, requestTimeout,
                sessionTimeout, books, clientProperties);
    }
}
