package io.ztrade.bench.trading;

import com.sun.net.httpserver.HttpServer;
import io.ztrade.infra.EmbeddedInfrastructure;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Ticks of many agents through the real trading-loop function (its packaged artifact as a process,
 * one replica) against embedded PostgreSQL, Redis and Kafka, printed, asserting nothing. Half the
 * agents run momentum (period 1) on rising BTC-USD 15-minute bars and order on every tick, the other
 * half an SMA crossover that holds; every decision is audited and emits its signal to a local sink.
 * Per round: the time from posting the tick to its answer (every agent done) and to the newest order
 * record in {@code ztrade.orders} (Kafka's record timestamps); then a tick with nothing due.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ztrade.bench.trading.TradingLoopBench [agents] [parallelism] [rounds]</pre>
 */
public final class TradingLoopBench {

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path root = Path.of(System.getProperty("ztrade.root", ".")).toAbsolutePath().normalize();
        Path jar = root.resolve("functions/trading-loop/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -pl functions/trading-loop -am package -DskipTests");
        }
        AtomicLong signals = new AtomicLong();
        HttpServer sink = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        sink.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            signals.incrementAndGet();
            ex.sendResponseHeaders(202, -1);
            ex.close();
        });
        sink.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        sink.start();
        try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.start()) {
            run(infra, sink, signals, jar, agents, parallelism, rounds);
        } finally {
            sink.stop(0);
        }
    }

    static void run(EmbeddedInfrastructure infra, HttpServer sink, AtomicLong signals, Path jar, int agents, int parallelism,
            int rounds) throws Exception {
        {
            infra.kafka().createTopic("ztrade.orders", 3);
            Map<String, String> q = infra.quarkusConfig();
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = Files.createTempFile("ztrade-bench-trading-", ".log");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dquarkus.log.level=WARN", "-Dztrade.trading.parallelism=" + parallelism, "-jar", jar.toString());
            pb.environment().putAll(Map.of("PORT", String.valueOf(port), "ZTRADE_DB_URL", q.get("quarkus.datasource.jdbc.url"),
                    "ZTRADE_DB_USER", q.get("quarkus.datasource.username"), "ZTRADE_DB_PASSWORD",
                    q.get("quarkus.datasource.password"), "KAFKA_BOOTSTRAP_SERVERS", q.get("kafka.bootstrap.servers"),
                    "ZTRADE_REDIS_HOSTS", q.get("quarkus.redis.hosts"), "K_SINK",
                    "http://localhost:" + sink.getAddress().getPort() + "/"));
            Process fn = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                URI url = URI.create("http://localhost:" + port + "/");
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                awaitReady(http, URI.create("http://localhost:" + port + "/q/health/ready"), log);
                String jdbc = q.get("quarkus.datasource.jdbc.url");
                try (Connection c = DriverManager.getConnection(jdbc, q.get("quarkus.datasource.username"),
                        q.get("quarkus.datasource.password"))) {
                    bars(c);
                }
                long t = System.nanoTime();
                try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                    List<Future<?>> fs = new ArrayList<>();
                    for (int i = 0; i < agents; i++) {
                        String id = String.format("bench-%05d", i);
                        String yaml = (i % 2 == 0
                                ? "strategy: momentum\nparams:\n  period: 1\n  threshold: 0\n"
                                : "strategy: sma-crossover\nparams:\n  fast: 5\n  slow: 20\n")
                                + "id: " + id + "\nsymbol: BTC-USD\ntimeframe: 15Min\ncapital: 100000\nmaxPositionSize: 0.01\n"
                                + "stopLoss: 0.05\nmaxDailyTrades: 1000\n";
                        fs.add(pool.submit(() -> {
                            post(http, url, "io.ztrade.agent.command", "{\"command\":\"IMPORT\",\"yaml\":" + json(yaml) + "}");
                            post(http, url, "io.ztrade.agent.command", "{\"command\":\"START\",\"agentId\":\"" + id + "\"}");
                            return null;
                        }));
                    }
                    for (Future<?> f : fs) {
                        f.get();
                    }
                }
                System.out.printf("imported and started %d agents in %.1f s (parallelism %d, one replica)%n", agents,
                        (System.nanoTime() - t) / 1e9, parallelism);
                int before = 0;
                for (int round = 1; round <= rounds; round++) {
                    try (Connection c = DriverManager.getConnection(jdbc, q.get("quarkus.datasource.username"),
                            q.get("quarkus.datasource.password")); Statement st = c.createStatement()) {
                        // the same bar due again: forget it and its orders (there are no fills in this run)
                        st.executeUpdate("update agent set last_bar_time = null");
                        st.executeUpdate("delete from trade_order");
                    }
                    long signalsBefore = signals.get();
                    long wall = System.currentTimeMillis();
                    long start = System.nanoTime();
                    int status = post(http, url, "io.ztrade.trading.tick", "{\"agents\":[]}");
                    double answered = (System.nanoTime() - start) / 1e6;
                    List<Long> stamps = orderTimestamps(q.get("kafka.bootstrap.servers"));
                    List<Long> fresh = stamps.subList(before, stamps.size());
                    before = stamps.size();
                    long last = fresh.stream().mapToLong(Long::longValue).max().orElse(wall);
                    System.out.printf("round %d: tick of %d agents answered %d in %.0f ms (%.0f agents/s); %d orders, the last"
                            + " in Kafka %d ms after the tick; %d signals%n", round, agents, status, answered,
                            agents / (answered / 1000), fresh.size(), last - wall, signals.get() - signalsBefore);
                    long s2 = System.nanoTime();
                    post(http, url, "io.ztrade.trading.tick", "{\"agents\":[]}");
                    System.out.printf("round %d: tick with nothing due (same bar) answered in %.0f ms%n", round,
                            (System.nanoTime() - s2) / 1e6);
                }
            } finally {
                fn.destroy();
                fn.waitFor();
            }
        }
    }

    static void bars(Connection c) throws Exception {
        Instant last = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(15, ChronoUnit.MINUTES);
        try (PreparedStatement ps = c.prepareStatement("insert into market_bar (symbol, timeframe, bar_time, open, high, low,"
                + " close, volume, source) values ('BTC-USD', '15Min', ?, ?, ?, ?, ?, 1, 'bench') on conflict do nothing")) {
            for (int i = 0; i < 200; i++) {
                BigDecimal close = new BigDecimal("50000").add(BigDecimal.valueOf(25L * i));
                ps.setTimestamp(1, Timestamp.from(last.minus(Duration.ofMinutes(15L * (199 - i)))));
                ps.setBigDecimal(2, close);
                ps.setBigDecimal(3, close);
                ps.setBigDecimal(4, close);
                ps.setBigDecimal(5, close);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static String json(String s) {
        return "\"" + s.replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static int post(HttpClient http, URI url, String type, String data) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5))
                .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString()).header("ce-source", "/bench")
                .header("ce-type", type).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(data)).build();
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() >= 300) {
            throw new IllegalStateException(type + " answered " + resp.statusCode() + ": " + resp.body());
        }
        return resp.statusCode();
    }

    static void awaitReady(HttpClient http, URI ready, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the function did not become ready; its log: " + log);
    }

    static List<Long> orderTimestamps(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Long> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor("ztrade.orders", Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    out.add(r.timestamp());
                }
            }
        }
        out.sort(null);
        return out;
    }
}
