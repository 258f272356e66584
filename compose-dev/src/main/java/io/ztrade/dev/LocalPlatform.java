package io.ztrade.dev;

import io.ztrade.infra.EmbeddedInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./ztrade up}: the platform on one machine. Starts embedded Kafka, PostgreSQL and Redis
 * (data under {@code .ztrade/data}), the functions as local processes, and a broker ingress in front
 * of them; Ctrl-C stops everything it started.
 */
public final class LocalPlatform {

    private LocalPlatform() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path root = options.root();
        Files.createDirectories(root.resolve(".ztrade"));
        log("starting Kafka, PostgreSQL and Redis (data in %s)", root.resolve(".ztrade/data"));
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(root.resolve(".ztrade/data"));
        List<AutoCloseable> started = new ArrayList<>();
        started.add(infra);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    log("while stopping: %s", e);
                }
            }
            stopped.countDown();
        }, "ztrade-stop"));

        URI brokerUrl = URI.create("http://localhost:" + options.port() + "/ztrade/default");
        Map<String, String> db = infra.quarkusConfig();
        FunctionProcess backtest = FunctionProcess.start(
                "backtest",
                root.resolve("functions/backtest/target/quarkus-app/quarkus-run.jar"),
                options.port() + 1,
                Map.of(
                        "ZTRADE_DB_URL", db.get("quarkus.datasource.jdbc.url"),
                        "ZTRADE_DB_USER", db.get("quarkus.datasource.username"),
                        "ZTRADE_DB_PASSWORD", db.get("quarkus.datasource.password"),
                        "K_SINK", brokerUrl.toString()),
                List.of("-Dztrade.historical-data.import-on-start=true"),
                root.resolve(".ztrade/logs"));
        started.add(backtest);
        backtest.awaitReady();

        DirectBroker broker = DirectBroker.start(options.port(), "ztrade", "default", Map.of(
                "io.ztrade.backtest.requested", backtest.url(),
                "io.ztrade.backtest.sweep.requested", backtest.url()));
        started.add(broker);

        log("");
        log("Ztrade is up.");
        log("  broker ingress  %s", brokerUrl);
        log("  backtest        %s", backtest.url());
        log("  kafka           %s", infra.kafka().bootstrapServers());
        log("  postgresql      %s", db.get("quarkus.datasource.jdbc.url"));
        log("  redis           %s", infra.redis().uri());
        log("Ctrl-C stops everything.");
        stopped.await();
    }

    static void log(String format, Object... args) {
        System.out.println("[ztrade] " + String.format(format, args));
    }

    record Options(Path root, int port) {
        static Options parse(String[] args) throws IOException {
            Path root = Path.of(System.getProperty("ztrade.root", ".")).toAbsolutePath().normalize();
            int port = 8080;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "up" -> { }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i] + " (usage: up [--port N])");
                }
            }
            return new Options(root, port);
        }
    }
}
