package io.ztrade.orderbook.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.service.KafkaTestClient;
import io.ztrade.orderbook.service.Reference;
import io.ztrade.orderbook.service.TestInfra;
import io.ztrade.orderbook.service.core.Instruments;
import io.ztrade.orderbook.service.core.OrderResult;
import io.ztrade.orderbook.service.core.PartitionState;
import io.ztrade.orderbook.service.core.RandomOrders;
import io.ztrade.orderbook.service.core.TestInstruments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replicas of the plain-Java node against the real broker and PostgreSQL: partitions split in one
 * consumer group, books handed over on rebalance, REST-style commands sequenced with Kafka ones.
 */
class OrderbookNodeTest {

    private static final Instruments INSTRUMENTS = TestInstruments.all();
    private static final List<String> SYMBOLS = List.of("AAPL", "BTC-USD", "ETH-USD", "AMD");
    /**
     * Record timestamps of the test commands: fixed, consecutive, and recent (the broker's time-based
     * retention deletes records whose timestamps are older than seven days).
     */
    private static final long T0 = System.currentTimeMillis();
    private static final int PARTITIONS = 3;

    private static String bootstrap;
    private static DataSource db;

    private final List<OrderbookNode> nodes = new ArrayList<>();
    private String orders;
    private String executions;
    private String group;

    @BeforeAll
    static void infrastructure() {
        bootstrap = TestInfra.kafka();
        db = TestInfra.postgres();
    }

    private void topics(String name) {
        String tag = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        orders = tag + ".orders";
        executions = tag + ".executions";
        group = tag + "-group";
        TestInfra.kafka(orders + ":" + PARTITIONS, executions + ":" + PARTITIONS);
    }

    private OrderbookNode node(String client) {
        NodeSettings settings = NodeSettings.defaults(bootstrap).withTopics(orders, executions).withGroup(group, client)
                .withSnapshots(Duration.ofSeconds(1), 500).withTopicPartitions(PARTITIONS);
        OrderbookNode node = new OrderbookNode(settings, INSTRUMENTS, new JdbcSnapshotStore(db, 3), new SimpleMeterRegistry());
        nodes.add(node);
        return node.start();
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(OrderbookNode::close);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            KafkaTestClient.sleep(50);
        }
    }

    /** Until the owners of all partitions have applied everything now in the orders topic. */
    private void awaitCaughtUp(KafkaTestClient client, OrderbookNode... owners) {
        Map<Integer, Long> end = client.endOffsets(orders);
        await("every partition is applied to its end", () -> {
            for (Map.Entry<Integer, Long> e : end.entrySet()) {
                OrderbookNode owner = null;
                for (OrderbookNode n : owners) {
                    if (n.ownedPartitions().contains(e.getKey())) {
                        owner = n;
                    }
                }
                if (owner == null || nextOffset(owner, e.getKey()) < e.getValue()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static long nextOffset(OrderbookNode node, int partition) {
        try {
            return node.readPartition(partition, PartitionState::nextOffset).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void splitsPartitionsBetweenTwoReplicasAndHandsTheBooksOverOnRebalanceWithoutLosingAnything() throws Exception {
        topics("split");
        List<OrderRequest> stream = RandomOrders.stream(7, 6_000, SYMBOLS);
        try (KafkaTestClient client = new KafkaTestClient(bootstrap)) {
            OrderbookNode a = node("replica-a");
            await("replica a serves", a::ready);
            assertThat(a.ownedPartitions()).containsExactlyInAnyOrder(0, 1, 2);
            client.sendAll(orders, stream, "cmd", T0, 0, 2_000);

            OrderbookNode b = node("replica-b");
            await("both replicas own partitions and serve", () -> !a.ownedPartitions().isEmpty()
                    && !b.ownedPartitions().isEmpty() && union(a, b).size() == PARTITIONS && a.ready() && b.ready());
            assertThat(intersection(a, b)).as("no partition has two owners").isEmpty();
            client.sendAll(orders, stream, "cmd", T0, 2_000, 4_000);
            awaitCaughtUp(client, a, b);
            assertThat(intersection(a, b)).isEmpty();
            assertThat(union(a, b)).containsExactlyInAnyOrder(0, 1, 2);

            b.close();
            await("replica a owns every partition again", () -> a.ownedPartitions().size() == PARTITIONS && a.ready());
            client.sendAll(orders, stream, "cmd", T0, 4_000, 6_000);
            awaitCaughtUp(client, a);

            Reference reference = Reference.of(client.records(orders), INSTRUMENTS, PARTITIONS);
            for (int p = 0; p < PARTITIONS; p++) {
                assertThat(a.readPartition(p, PartitionState::toBytes).get(10, TimeUnit.SECONDS))
                        .as("books of partition %d", p).isEqualTo(reference.state(p, INSTRUMENTS, PARTITIONS));
            }
            List<CloudEvent> published = client.awaitEvents(executions,
                    e -> Reference.deduplicated(e).size() >= reference.events().size(), Duration.ofSeconds(60));
            assertThat(Reference.deduplicated(published)).isEqualTo(reference.events());
        }
    }

    @Test
    void restartsFromItsSnapshotAndPublishesEveryEventExactlyOnceAfterAGracefulStop() throws Exception {
        topics("restart");
        List<OrderRequest> stream = RandomOrders.stream(11, 3_000, SYMBOLS);
        try (KafkaTestClient client = new KafkaTestClient(bootstrap)) {
            OrderbookNode first = node("replica-1");
            await("the first replica serves", first::ready);
            client.sendAll(orders, stream, "cmd", T0, 0, 1_500);
            awaitCaughtUp(client, first);
            first.close();

            client.sendAll(orders, stream, "cmd", T0, 1_500, 3_000);
            OrderbookNode second = node("replica-2");
            await("the second replica serves", second::ready);
            awaitCaughtUp(client, second);

            Reference reference = Reference.of(client.records(orders), INSTRUMENTS, PARTITIONS);
            for (int p = 0; p < PARTITIONS; p++) {
                assertThat(second.readPartition(p, PartitionState::toBytes).get(10, TimeUnit.SECONDS))
                        .isEqualTo(reference.state(p, INSTRUMENTS, PARTITIONS));
            }
            List<CloudEvent> published = client.awaitEvents(executions,
                    e -> Reference.deduplicated(e).size() >= reference.events().size(), Duration.ofSeconds(60));
            assertThat(Reference.deduplicated(published)).isEqualTo(reference.events());
            assertThat(Reference.duplicates(published)).as("events published twice").isZero();
            assertThat(snapshotsOf(orders)).as("snapshots stored").isPositive();
        }
    }

    @Test
    void sequencesSubmittedCommandsWithKafkaCommandsAndRecordsThemInTheOrdersTopic() throws Exception {
        topics("submit");
        try (KafkaTestClient client = new KafkaTestClient(bootstrap)) {
            OrderbookNode node = node("replica");
            await("the replica serves", node::ready);
            RecordMetadata sell = client.send(orders, OrderRequest.place("k-1", "acct-kafka", "AAPL", "SELL", "LIMIT",
                    "GTC", false, "150.00", "5"), "kafka-1");

            OrderResult buy = node.submit(OrderRequest.place("r-1", "acct-rest", "AAPL", "BUY", "LIMIT", "GTC", false,
                    "150.00", "3")).get(10, TimeUnit.SECONDS);

            String makerId = Long.toString(((sell.offset() + 1) << PartitionState.PARTITION_BITS) | sell.partition());
            assertThat(buy.status()).isEqualTo(OrderResult.FILLED);
            assertThat(buy.fills()).singleElement().satisfies(f -> {
                assertThat(f.makerOrderId()).isEqualTo(makerId);
                assertThat(f.price()).isEqualTo("150.00");
                assertThat(f.quantity()).isEqualTo("3");
            });
            List<ConsumerRecord<String, byte[]>> recorded = client.records(orders);
            assertThat(recorded).hasSize(2);
            assertThat(recorded.get(1).offset()).isGreaterThan(recorded.get(0).offset());
            assertThat(new String(recorded.get(1).headers().lastHeader("ce_source").value()))
                    .isEqualTo(OrderbookNode.REST_SOURCE.toString());
            assertThat(recorded.get(1).key()).isEqualTo("AAPL");
        }
    }

    @Test
    void publishesAnOrdersExecutionsInTheTraceTheOrderStartedIn() throws Exception {
        topics("trace");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        try (KafkaTestClient client = new KafkaTestClient(bootstrap)) {
            OrderbookNode node = node("replica");
            await("the replica serves", node::ready);
            ProducerRecord<String, byte[]> traced = CommandRecords.encode(orders, null, "traced-1", KafkaTestClient.SOURCE,
                    OrderRequest.place("t-1", "acct-t", "AAPL", "BUY", "LIMIT", "GTC", false, "150.00", "5"), T0);
            traced.headers().add("ce_traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            traced.headers().add("ce_tracestate", "ztrade=1".getBytes(StandardCharsets.UTF_8));
            client.sendRaw(traced);
            client.send(orders, OrderRequest.place("u-1", "acct-u", "AAPL", "SELL", "LIMIT", "GTC", false, "150.00", "5"), "untraced-1");

            List<CloudEvent> events = client.awaitEvents(executions, e -> e.stream().anyMatch(x -> "untraced-1".equals(commandOf(x))
                    && x.getType().equals(EventTypes.ORDER_FILLED)), Duration.ofSeconds(60));

            List<CloudEvent> ofTraced = events.stream().filter(e -> "traced-1".equals(commandOf(e))).toList();
            List<CloudEvent> ofUntraced = events.stream().filter(e -> "untraced-1".equals(commandOf(e))).toList();
            assertThat(ofTraced).isNotEmpty().allSatisfy(e -> {
                assertThat(e.getExtension("traceparent")).isEqualTo(traceparent);
                assertThat(e.getExtension("tracestate")).isEqualTo("ztrade=1");
            });
            assertThat(ofUntraced).extracting(CloudEvent::getType).contains(EventTypes.ORDER_ACCEPTED, EventTypes.ORDER_FILLED);
            assertThat(ofUntraced).allSatisfy(e -> assertThat(e.getExtension("traceparent")).isNull());
        }
    }

    private static String commandOf(CloudEvent e) {
        Object id = e.getExtension(ExecutionRecords.COMMAND_ID);
        return id == null ? null : id.toString();
    }

    @Test
    void refusesToSubmitForASymbolAnotherReplicaOwnsAndRecordsNothing() throws Exception {
        topics("owner");
        try (KafkaTestClient client = new KafkaTestClient(bootstrap)) {
            OrderbookNode a = node("replica-a");
            await("replica a serves", a::ready);
            OrderbookNode b = node("replica-b");
            await("both serve", () -> !a.ownedPartitions().isEmpty() && !b.ownedPartitions().isEmpty()
                    && union(a, b).size() == PARTITIONS && a.ready() && b.ready());
            String foreign = SYMBOLS.stream().filter(s -> !a.ownedPartitions().contains(a.partitionOf(s))).findFirst()
                    .orElseThrow();
            Map<Integer, Long> before = client.endOffsets(orders);

            assertThatThrownBy(() -> a.submit(OrderRequest.place("x-1", "acct", foreign, "BUY", "LIMIT", "GTC", false,
                    foreign.equals("AMD") || foreign.equals("AAPL") ? "150.00" : "3000.00", "1")).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(OrderbookNode.NotOwnerException.class);
            assertThat(client.endOffsets(orders)).isEqualTo(before);
        }
    }

    private static Set<Integer> union(OrderbookNode a, OrderbookNode b) {
        Set<Integer> all = new HashSet<>(a.ownedPartitions());
        all.addAll(b.ownedPartitions());
        return all;
    }

    private static Set<Integer> intersection(OrderbookNode a, OrderbookNode b) {
        Set<Integer> both = new HashSet<>(a.ownedPartitions());
        both.retainAll(b.ownedPartitions());
        return both;
    }

    private static long snapshotsOf(String topic) throws Exception {
        try (var c = db.getConnection(); var q = c.prepareStatement(
                "SELECT count(*) FROM orderbook.orderbook_snapshot WHERE topic = ?")) {
            q.setString(1, topic);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
