package io.ztrade.orderbook.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.service.api.OwnerForwarding;
import io.ztrade.orderbook.service.core.Instruments;
import io.ztrade.orderbook.service.core.RandomOrders;
import io.ztrade.orderbook.service.core.TestInstruments;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rolling update of the orderbook, as the Deployment's {@code RollingUpdate} strategy runs it: a
 * new process (the new version) joins the consumer group while orders flow and takes over some
 * partitions (the old owner commits and snapshots each before it is assigned), then the old process
 * is stopped with {@code SIGTERM} and hands over the rest the same way. Books and executions must
 * equal an uninterrupted run of the same records, with no event published twice: never two owners
 * of a book, nothing lost. The longest gap between two executions of a symbol is printed.
 */
class RollingHandoverIT {

    private static final int PARTITIONS = 3;
    private static final int COMMANDS = 20_000;
    private static final int BATCH = 250;
    private static final long PACE = 250;
    private static final long T0 = System.currentTimeMillis();
    private static final List<String> SYMBOLS = List.of("AAPL", "BTC-USD", "ETH-USD", "AMD");
    private static final Instruments INSTRUMENTS = TestInstruments.all();
    private static final String TOKEN = "rolling-test-token";
    private static final String LOGS = "target/rolling-handover-*.log";

    private final List<Process> processes = new ArrayList<>();
    private String orders;
    private String executions;
    private String bootstrap;

    @AfterEach
    void stopLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aNewProcessTakesThePartitionsOverWhileOrdersFlowAndNothingIsLostOrPublishedTwice() throws Exception {
        String tag = "rolling-" + UUID.randomUUID().toString().substring(0, 8);
        orders = tag + ".orders";
        executions = tag + ".executions";
        String group = tag + "-group";
        bootstrap = TestInfra.kafka(orders + ":" + PARTITIONS, executions + ":" + PARTITIONS);
        TestInfra.postgres();
        List<OrderRequest> stream = RandomOrders.stream(2025, COMMANDS, SYMBOLS);

        try (KafkaTestClient client = new KafkaTestClient(bootstrap)) {
            // a paced sender (a batch every PACE ms, about 20 s for the stream) that waits at a third
            // until the new process is being started, and at two thirds until the old one is being
            // stopped (on a loaded machine the new process may take longer to join than the second
            // third takes to send; then the wait shows in the printed gaps): orders keep arriving
            // through both handovers, and a pause the handover causes shows in the executions
            Semaphore step = new Semaphore(0);
            Semaphore stopping = new Semaphore(0);
            int third = COMMANDS / 3 / BATCH * BATCH;
            int twoThirds = 2 * third;
            AtomicBoolean waitedForStop = new AtomicBoolean();
            Thread sender = new Thread(() -> {
                for (int from = 0; from < COMMANDS; from += BATCH) {
                    if (from == third) {
                        step.acquireUninterruptibly();
                    }
                    if (from == twoThirds && !stopping.tryAcquire()) {
                        waitedForStop.set(true);
                        stopping.acquireUninterruptibly();
                    }
                    client.sendAll(orders, stream, "cmd", T0, from, Math.min(COMMANDS, from + BATCH));
                    KafkaTestClient.sleep(PACE);
                }
            }, "order-sender");

            int oldPort = ServiceProcesses.freePort();
            Process old = start(oldPort, "old", group);
            ServiceProcesses.awaitReady(oldPort, old, LOGS);
            assertThat(owned(oldPort)).as("the only member owns every partition").isEqualTo(PARTITIONS);
            sender.start();
            await("a third of the stream is sent", () -> sent(client) >= third);

            // surge: the new process joins the group while orders keep coming
            int newPort = ServiceProcesses.freePort();
            Process next = start(newPort, "new", group);
            step.release();
            ServiceProcesses.awaitReady(newPort, next, LOGS);
            await("the new process owns a share of the partitions", () -> owned(newPort) >= 1);
            int shared = owned(newPort);
            assertThat(owned(oldPort) + shared).as("each partition has one owner").isEqualTo(PARTITIONS);
            forwardsAWriteToTheOwner(oldPort);

            // the old process is stopped (SIGTERM) and hands over the rest while orders keep coming
            long sentAtStop = sent(client);
            stopping.release();
            old.destroy();
            assertThat(sentAtStop).as("the old process stops in the middle of the stream").isLessThan(COMMANDS - BATCH);
            assertThat(old.waitFor(60, TimeUnit.SECONDS)).as("the old process stops cleanly").isTrue();
            await("the new process owns every partition", () -> owned(newPort) == PARTITIONS);
            sender.join();
            await("the new process has committed every command", () -> committedAll(client, group));

            Reference reference = Reference.of(client.records(orders), INSTRUMENTS, PARTITIONS);
            for (String symbol : SYMBOLS) {
                JsonPath served = RestAssured.given().port(newPort).get("/api/v1/books/" + symbol + "?depth=1000")
                        .then().statusCode(200).extract().jsonPath();
                assertThat(ServiceProcesses.levels(served, "bids")).as("%s bids", symbol).isEqualTo(ServiceProcesses.expected(reference, INSTRUMENTS, PARTITIONS, symbol, true));
                assertThat(ServiceProcesses.levels(served, "asks")).as("%s asks", symbol).isEqualTo(ServiceProcesses.expected(reference, INSTRUMENTS, PARTITIONS, symbol, false));
            }
            List<CloudEvent> published = client.events(executions);
            assertThat(Reference.deduplicated(published)).as("execution stream by event id").isEqualTo(reference.events());
            assertThat(Reference.duplicates(published)).as("events published twice").isZero();

            Map<String, Long> pauses = longestPauses(client.records(executions));
            System.out.printf("rolling handover: %d commands, %d events, %d partition(s) moved on join, longest pause between"
                    + " executions per symbol (ms): %s%s%n", COMMANDS, reference.events().size(), shared, pauses,
                    waitedForStop.get() ? " (the sender waited for the stop at two thirds: the gaps include that wait)" : "");
        }
    }

    /**
     * A write sent to the old process for a book the new one owns now is forwarded to the owner and
     * answered by it (the order is recorded in {@code ztrade.orders} like any other, so the comparison
     * with the reference run covers it); a request that was forwarded already is not forwarded again.
     */
    private static void forwardsAWriteToTheOwner(int oldPort) {
        Map<String, String> restingBuy = Map.of("AAPL", "90.00", "BTC-USD", "36000.00", "ETH-USD", "1800.00", "AMD", "90.00");
        String symbol = SYMBOLS.stream()
                .filter(s -> RestAssured.given().port(oldPort).get("/api/v1/books/" + s).statusCode() == 503)
                .findFirst().orElseThrow(() -> new AssertionError("the old process still owns every book"));
        String quantity = symbol.endsWith("-USD") ? "0.0001" : "1";
        String order = "{\"clientOrderId\":\"forwarded-1\",\"accountId\":\"acct-forwarded\",\"symbol\":\"" + symbol
                + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"" + restingBuy.get(symbol) + "\",\"quantity\":\""
                + quantity + "\"}";
        JsonPath placed = RestAssured.given().port(oldPort).header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json").body(order).post("/api/v1/orders")
                .then().statusCode(200).extract().jsonPath();
        assertThat(placed.getString("clientOrderId")).isEqualTo("forwarded-1");
        assertThat(placed.getString("orderId")).as("the owner assigned an order id").isNotBlank();

        String again = order.replace("forwarded-1", "forwarded-2");
        JsonPath refused = RestAssured.given().port(oldPort).header("Authorization", "Bearer " + TOKEN)
                .header(OwnerForwarding.FORWARDED_BY, "another-replica")
                .contentType("application/json").body(again).post("/api/v1/orders")
                .then().statusCode(503).extract().jsonPath();
        assertThat(refused.getString("error")).isEqualTo("not_owner");
    }

    /** Per symbol (the record key), the longest gap between consecutive execution records' timestamps. */
    private static Map<String, Long> longestPauses(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Long>> times = new TreeMap<>();
        records.forEach(r -> times.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.timestamp()));
        Map<String, Long> out = new TreeMap<>();
        times.forEach((symbol, ts) -> {
            ts.sort(Comparator.naturalOrder());
            long max = 0;
            for (int i = 1; i < ts.size(); i++) {
                max = Math.max(max, ts.get(i) - ts.get(i - 1));
            }
            out.put(symbol, max);
        });
        return out;
    }

    private long sent(KafkaTestClient client) {
        return client.endOffsets(orders).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the group has committed (applied and published) every record of the orders topic. */
    private boolean committedAll(KafkaTestClient client, String group) {
        Map<Integer, Long> end = client.endOffsets(orders);
        java.util.Properties p = new java.util.Properties();
        p.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return end.entrySet().stream().allMatch(e -> {
                var o = committed.get(new org.apache.kafka.common.TopicPartition(orders, e.getKey()));
                return o != null && o.offset() >= e.getValue();
            });
        } catch (Exception e) {
            return false;
        }
    }

    private Process start(int port, String name, String group) throws IOException {
        Process process = ServiceProcesses.start("rolling-handover-" + name, port, bootstrap, TOKEN, List.of(
                "-Dztrade.orderbook.kafka.orders-topic=" + orders,
                "-Dztrade.orderbook.kafka.executions-topic=" + executions,
                "-Dztrade.orderbook.kafka.group-id=" + group,
                "-Dztrade.orderbook.kafka.client-id=" + name,
                "-Dztrade.orderbook.snapshot.interval=1s",
                "-Dztrade.orderbook.instruments.AMD.tick-size=0.01",
                "-Dztrade.orderbook.instruments.AMD.lot-size=1",
                "-Dztrade.orderbook.instruments.AMD.max-quantity=1000000",
                "-Dztrade.orderbook.instruments.AMD.reference-price=150.00"));
        processes.add(process);
        return process;
    }

    /** Partitions the process on {@code port} owns now (its gauge), or -1 while it does not answer. */
    private static int owned(int port) {
        try {
            String metrics = RestAssured.given().port(port).get("/q/metrics").then().statusCode(200).extract().asString();
            return metrics.lines().filter(l -> l.startsWith("ztrade_orderbook_partitions_owned "))
                    .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
        } catch (Exception e) { // not listening (yet, or any more); RestAssured rethrows ConnectException unchecked
            return -1;
        }
    }


    private static void await(String what, BooleanSupplier condition) {
        ServiceProcesses.await(() -> what, condition, Duration.ofSeconds(90));
    }
}
