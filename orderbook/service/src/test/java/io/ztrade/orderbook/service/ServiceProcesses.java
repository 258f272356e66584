package io.ztrade.orderbook.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.ztrade.orderbook.engine.InstrumentSpec;
import io.ztrade.orderbook.engine.L2Depth;
import io.ztrade.orderbook.service.core.Instruments;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The packaged orderbook service as separate processes, for the tests that kill, restart and roll
 * it ({@code CrashRecoveryIT}, {@code RollingHandoverIT}), and the comparisons both make between
 * the books it serves and a reference run.
 */
final class ServiceProcesses {

    private ServiceProcesses() {}

    /**
     * Starts {@code target/quarkus-app/quarkus-run.jar} on {@code port} against the JVM's Kafka and
     * PostgreSQL, with the given {@code -D} options; its output goes to {@code target/<logName>.log}.
     */
    static Process start(String logName, int port, String bootstrap, String token, List<String> systemProperties)
            throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).as("the packaged application (mvn package)").exists();
        Map<String, String> db = TestInfra.postgresConfig();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.addAll(systemProperties);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        builder.environment().put("ZTRADE_DB_URL", db.get("quarkus.datasource.jdbc.url"));
        builder.environment().put("ZTRADE_DB_USER", db.get("quarkus.datasource.username"));
        builder.environment().put("ZTRADE_DB_PASSWORD", db.get("quarkus.datasource.password"));
        builder.environment().put("ZTRADE_ORDERBOOK_TOKEN", token);
        builder.environment().put("PORT", Integer.toString(port));
        File log = Path.of("target", logName + ".log").toFile();
        Files.deleteIfExists(log.toPath());
        builder.redirectErrorStream(true).redirectOutput(log);
        return builder.start();
    }

    /** Until the process answers ready; fails at once if it exits. */
    static void awaitReady(int port, Process process, String logHint) {
        await(() -> "the service on port " + port + " is ready", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + "; see " + logHint);
            }
            try {
                return RestAssured.given().port(port).get("/q/health/ready").statusCode() == 200;
            } catch (Exception e) { // not listening yet; RestAssured rethrows ConnectException unchecked
                return false;
            }
        }, Duration.ofSeconds(90));
    }

    /** One side of a served book as {@code "price x quantity (orders)"} lines. */
    static List<String> levels(JsonPath book, String side) {
        List<Map<String, Object>> levels = book.getList(side);
        return levels.stream().map(l -> l.get("price") + " x " + l.get("quantity") + " (" + l.get("orders") + ")").toList();
    }

    /** The same lines for the reference run's book of {@code symbol}. */
    static List<String> expected(Reference reference, Instruments instruments, int partitions, String symbol, boolean bids) {
        InstrumentSpec spec = instruments.find(symbol);
        L2Depth depth = reference.book(Reference.partitionOf(symbol, partitions), symbol, 1000);
        return (bids ? depth.bids() : depth.asks()).stream().map(l -> spec.ticksToPrice(l.price()).toPlainString() + " x "
                + spec.lotsToQuantity(l.quantity()).toPlainString() + " (" + l.orders() + ")").toList();
    }

    /** Polls {@code condition} every 100 ms until it holds, or fails naming {@code what} after {@code timeout}. */
    static void await(Supplier<String> what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what.get());
            }
            KafkaTestClient.sleep(100);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
