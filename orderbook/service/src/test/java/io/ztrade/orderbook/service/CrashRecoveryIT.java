package io.ztrade.orderbook.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.service.core.Instruments;
import io.ztrade.orderbook.service.core.RandomOrders;
import io.ztrade.orderbook.service.core.TestInstruments;
import io.ztrade.orderbook.service.kafka.JdbcSnapshotStore;
import io.ztrade.orderbook.service.kafka.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a child process against the
 * test JVM's Kafka and PostgreSQL: killed with {@code SIGKILL} twice in the middle of a stream of
 * orders (no shutdown hook runs, nothing is flushed or snapshotted on the way out; orders keep
 * arriving while it is down), restarted each time, and compared
 * with an uninterrupted run of the same records: identical books, identical execution stream (by
 * event id; a re-published event must be identical), nothing lost.
 */
class CrashRecoveryIT {

    private static final int PARTITIONS = 3;
    private static final int COMMANDS = 20_000;
    /**
     * Record timestamps of the test commands: fixed, consecutive, and recent (the broker's time-based
     * retention deletes records whose timestamps are older than seven days).
     */
    private static final long T0 = System.currentTimeMillis();
    private static final List<String> SYMBOLS = List.of("AAPL", "BTC-USD", "ETH-USD", "AMD");
    private static final Instruments INSTRUMENTS = TestInstruments.all();

    private final List<Process> processes = new ArrayList<>();
    private String orders;
    private String executions;
    private String group;
    private String bootstrap;

    @AfterEach
    void killLeftovers() throws Exception {
        for (Process p : processes) {
            if (p.isAlive()) {
                // what a service still running after a failed test was doing, for the post-mortem
                Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
                new ProcessBuilder(jcmd.toString(), Long.toString(p.pid()), "Thread.print")
                        .redirectErrorStream(true).redirectOutput(Path.of("target", "crash-recovery-" + p.pid() + ".threads")
                                .toFile()).start().waitFor(30, TimeUnit.SECONDS);
            }
            p.destroyForcibly();
        }
    }

    @Test
    void killedMidStreamAndRestartedItEndsWithTheBooksAndExecutionsOfAnUninterruptedRun() throws Exception {
        String tag = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        orders = tag + ".orders";
        executions = tag + ".executions";
        group = tag + "-group";
        bootstrap = TestInfra.kafka(orders + ":" + PARTITIONS, executions + ":" + PARTITIONS);
        DataSource db = TestInfra.postgres();
        SnapshotStore snapshots = new JdbcSnapshotStore(db, 3);
        List<OrderRequest> stream = RandomOrders.stream(2024, COMMANDS, SYMBOLS);

        try (KafkaTestClient client = new KafkaTestClient(bootstrap)) {
            // Orders keep flowing while the service is killed, twice: a paced sender in the background
            // that waits, at a third and at two thirds of the stream, until the running process has
            // been killed (so that each kill lands mid-stream, with records still arriving after it).
            Semaphore killed = new Semaphore(0);
            Thread sender = new Thread(() -> {
                for (int from = 0; from < COMMANDS; from += 500) {
                    if (from == COMMANDS / 3 / 500 * 500 || from == 2 * COMMANDS / 3 / 500 * 500) {
                        killed.acquireUninterruptibly();
                    }
                    client.sendAll(orders, stream, "cmd", T0, from, Math.min(COMMANDS, from + 500));
                    KafkaTestClient.sleep(60);
                }
            }, "order-sender");

            int port = ServiceProcesses.freePort();
            Process running = start(port, "run-1");
            ServiceProcesses.awaitReady(port, running, "target/crash-recovery-*.log");
            sender.start();
            long executionsBefore = 0;
            for (int kill = 1; kill <= 2; kill++) {
                long floor = executionsBefore;
                int third = kill;
                await("run " + kill + " snapshots and publishes executions", () -> snapshots.latest(orders, 0).isPresent()
                        && client.endOffsets(orders).values().stream().mapToLong(Long::longValue).sum() >= third * (COMMANDS / 3 / 500 * 500)
                        && client.endOffsets(executions).values().stream().mapToLong(Long::longValue).sum() > floor + 2_000);
                executionsBefore = client.endOffsets(executions).values().stream().mapToLong(Long::longValue).sum();
                long sentAtKill = client.endOffsets(orders).values().stream().mapToLong(Long::longValue).sum();
                running.destroyForcibly();
                assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(sentAtKill).as("kill %d lands in the middle of the stream", kill).isLessThan(COMMANDS);
                killed.release(); // orders arrive while no process runs
                port = ServiceProcesses.freePort();
                running = start(port, "run-" + (kill + 1));
                ServiceProcesses.awaitReady(port, running, "target/crash-recovery-*.log");
            }
            sender.join();
            int port2 = port;
            Process second = running;
            awaitCommitted(client.endOffsets(orders));

            Reference reference = Reference.of(client.records(orders), INSTRUMENTS, PARTITIONS);
            for (String symbol : SYMBOLS) {
                JsonPath served = RestAssured.given().port(port2).get("/api/v1/books/" + symbol + "?depth=1000")
                        .then().statusCode(200).extract().jsonPath();
                assertThat(ServiceProcesses.levels(served, "bids")).as("%s bids", symbol).isEqualTo(ServiceProcesses.expected(reference, INSTRUMENTS, PARTITIONS, symbol, true));
                assertThat(ServiceProcesses.levels(served, "asks")).as("%s asks", symbol).isEqualTo(ServiceProcesses.expected(reference, INSTRUMENTS, PARTITIONS, symbol, false));
            }

            second.destroy(); // SIGTERM: a clean shutdown stores the final snapshots
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            for (int p = 0; p < PARTITIONS; p++) {
                assertThat(snapshots.latest(orders, p).orElseThrow().state())
                        .as("books of partition %d", p).isEqualTo(reference.state(p, INSTRUMENTS, PARTITIONS));
            }

            for (String run : List.of("run-1", "run-2", "run-3")) {
                assertThat(Files.readString(Path.of("target", "crash-recovery-" + run + ".log")))
                        .as("the API token never appears in the log").doesNotContain("crash-test-token");
            }
            List<CloudEvent> published = client.events(executions);
            assertThat(Reference.deduplicated(published)).as("execution stream by event id")
                    .isEqualTo(reference.events());
            System.out.printf("crash test: %d commands, killed twice, %d events, %d published again after the kills%n",
                    COMMANDS, reference.events().size(), Reference.duplicates(published));
        }
    }

    private Process start(int port, String name) throws IOException {
        Process process = ServiceProcesses.start("crash-recovery-" + name, port, bootstrap, "crash-test-token", List.of(
                "-Dztrade.orderbook.kafka.orders-topic=" + orders,
                "-Dztrade.orderbook.kafka.executions-topic=" + executions,
                "-Dztrade.orderbook.kafka.group-id=" + group,
                "-Dztrade.orderbook.kafka.client-id=" + name,
                "-Dztrade.orderbook.snapshot.interval=1s",
                "-Dztrade.orderbook.snapshot.every-records=2000",
                "-Dztrade.orderbook.instruments.AMD.tick-size=0.01",
                "-Dztrade.orderbook.instruments.AMD.lot-size=1",
                "-Dztrade.orderbook.instruments.AMD.max-quantity=1000000",
                "-Dztrade.orderbook.instruments.AMD.reference-price=150.00"));
        processes.add(process);
        return process;
    }

    /** Until the service has committed (published and acknowledged) everything up to these offsets. */
    private void awaitCommitted(Map<Integer, Long> end) {
        assertThat(end).hasSize(PARTITIONS);
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        AtomicReference<Object> last = new AtomicReference<>();
        try (Admin admin = Admin.create(p)) {
            await(() -> "the restarted service has committed " + end + "; last seen: " + last.get(), () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    last.set(committed);
                    return end.entrySet().stream().allMatch(e -> {
                        OffsetAndMetadata o = committed.get(new TopicPartition(orders, e.getKey()));
                        return o != null && o.offset() >= e.getValue();
                    });
                } catch (Exception e) {
                    last.set(e);
                    return false;
                }
            });
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        await(() -> what, condition);
    }

    private static void await(Supplier<String> what, BooleanSupplier condition) {
        ServiceProcesses.await(what, condition, Duration.ofSeconds(60));
    }

}
