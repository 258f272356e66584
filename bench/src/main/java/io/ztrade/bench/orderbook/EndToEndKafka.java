package io.ztrade.bench.orderbook;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.infra.EmbeddedKafka;
import io.ztrade.infra.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The order book end to end through Kafka: the packaged service ({@code quarkus-run.jar}, a child
 * process) against an embedded Kafka broker and PostgreSQL, driven like the trading loop drives it:
 * {@code io.ztrade.order.requested} CloudEvents (binary mode, key = symbol) into {@code ztrade.orders},
 * executions read back from {@code ztrade.executions}.
 *
 * <ul>
 *   <li><b>Throughput</b>: {@code orders} commands sent as fast as the producer takes them; orders per
 *       second = commands / (first send to the first event of the last command).</li>
 *   <li><b>Order-to-execution latency</b> at fixed offered rates: command {@code i} is due at
 *       {@code start + i / rate}; its latency runs from that due time (not the actual send, so a stall
 *       is charged to every command queued behind it) to the arrival of its first event
 *       ({@code accepted} or {@code rejected}) at this process's consumer. HdrHistogram, microseconds.</li>
 * </ul>
 *
 * <p>The workload over AAPL, BTC-USD and ETH-USD, 100 accounts: 50% GTC limit orders near the
 * middle, 15% crossing IOC orders, 5% market orders, 20% cancels and 10% amends (price moves) of
 * earlier orders by clientOrderId. Prints numbers, asserts nothing.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.ztrade.bench.orderbook.EndToEndKafka \
 *     [service jar, default orderbook/service/target/quarkus-app/quarkus-run.jar] [orders, default 200000] \
 *     [rates, default 1000,5000,20000] [seconds per rate, default 15]
 * </pre>
 */
public final class EndToEndKafka {

    private static final String ORDERS = "ztrade.orders";
    private static final String EXECUTIONS = "ztrade.executions";
    private static final URI SOURCE = URI.create("/ztrade/bench");
    private static final String[] SYMBOLS = {"AAPL", "BTC-USD", "ETH-USD"};
    private static final long[] MID_TICKS = {15_000, 6_000_000, 300_000};
    private static final BigDecimal[] LOTS = {BigDecimal.ONE, new BigDecimal("0.0001"), new BigDecimal("0.0001")};
    private static final BigDecimal TICK = new BigDecimal("0.01");

    private EndToEndKafka() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "orderbook/service/target/quarkus-app/quarkus-run.jar");
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int[] rates = java.util.Arrays.stream((args.length > 2 ? args[2] : "1000,5000,20000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -pl orderbook/service -am package -DskipTests");
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            kafka.createTopic(ORDERS, 3);
            kafka.createTopic(EXECUTIONS, 3);
            int port = freePort();
            Path log = Files.createTempFile("ztrade-orderbook-bench", ".log");
            Process service = start(jar, kafka, postgres, port, log);
            try {
                awaitReady(port, service, log);
                int total = orders + 30_000 + java.util.Arrays.stream(rates).map(r -> r * seconds).sum();
                Workload workload = new Workload(42, total);
                try (Collector collector = new Collector(kafka.bootstrapServers(), total)) {
                    System.out.printf(Locale.ROOT, "service %s, Kafka %s, 3 partitions, JDK %s, %d CPUs%n", jar,
                            kafka.bootstrapServers(), Runtime.version(), Runtime.getRuntime().availableProcessors());
                    try (KafkaProducer<String, byte[]> batching = producer(kafka.bootstrapServers(), 5);
                            KafkaProducer<String, byte[]> immediate = producer(kafka.bootstrapServers(), 0)) {
                        // warm-up: the service's JIT, the broker, the consumer
                        burst(batching, workload, collector, 0, 30_000);
                        int next = 30_000;
                        long[] throughput = burst(batching, workload, collector, next, next + orders);
                        next += orders;
                        double elapsed = (throughput[1] - throughput[0]) / 1e9;
                        System.out.printf(Locale.ROOT, "throughput: %,d orders in %.2f s = %,.0f orders/s (%,d events, %,.0f events/s)%n",
                                orders, elapsed, orders / elapsed, throughput[2], throughput[2] / elapsed);
                        for (int rate : rates) {
                            int count = rate * seconds;
                            Histogram h = paced(immediate, workload, collector, next, next + count, rate);
                            next += count;
                            System.out.printf(Locale.ROOT,
                                    "latency at %,d orders/s for %d s (%,d orders): p50 %,d us, p90 %,d us, p99 %,d us, p99.9 %,d us, max %,d us%n",
                                    rate, seconds, count, h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                                    h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
                            printServiceMetrics(port);
                        }
                    }
                }
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    /** Sends commands [from, to) as fast as possible; returns {first send, last first-event, events seen}. */
    private static long[] burst(KafkaProducer<String, byte[]> producer, Workload workload, Collector collector, int from,
            int to) {
        long eventsBefore = collector.events.get();
        long start = System.nanoTime();
        for (int i = from; i < to; i++) {
            collector.due.set(i, System.nanoTime());
            producer.send(workload.record(i));
        }
        producer.flush();
        collector.awaitFirstEvents(from, to);
        return new long[] {start, collector.lastArrival.get(), collector.events.get() - eventsBefore};
    }

    /** Sends commands [from, to) at {@code rate} per second; the latency histogram from their due times. */
    private static Histogram paced(KafkaProducer<String, byte[]> producer, Workload workload, Collector collector, int from,
            int to, int rate) {
        long start = System.nanoTime() + 1_000_000;
        double period = 1e9 / rate;
        for (int i = from; i < to; i++) {
            long due = start + (long) ((i - from) * period);
            collector.due.set(i, due);
            long now;
            while ((now = System.nanoTime()) < due) {
                if (due - now > 200_000) {
                    LockSupport.parkNanos(100_000);
                } else {
                    Thread.onSpinWait();
                }
            }
            producer.send(workload.record(i));
        }
        collector.awaitFirstEvents(from, to);
        Histogram h = new Histogram(60_000_000L, 3);
        for (int i = from; i < to; i++) {
            h.recordValue(Math.max(0, (collector.arrival.get(i) - collector.due.get(i)) / 1_000));
        }
        return h;
    }

    /** Reads executions and stamps the arrival of each command's first event. */
    private static final class Collector implements AutoCloseable {
        final AtomicLongArray due;
        final AtomicLongArray arrival;
        final AtomicLong events = new AtomicLong();
        final AtomicLong lastArrival = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Collector(String bootstrap, int commands) {
            due = new AtomicLongArray(commands);
            arrival = new AtomicLongArray(commands);
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(EXECUTIONS)) {
                parts.add(new TopicPartition(EXECUTIONS, info.partition()));
            }
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
            thread = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                            long now = System.nanoTime();
                            events.incrementAndGet();
                            Header h = r.headers().lastHeader("ce_commandid");
                            if (h == null) {
                                continue;
                            }
                            String id = new String(h.value(), StandardCharsets.US_ASCII);
                            if (id.startsWith("b-")) {
                                int i = Integer.parseInt(id, 2, id.length(), 10);
                                if (arrival.compareAndSet(i, 0, now)) {
                                    lastArrival.set(now);
                                }
                            }
                        }
                    }
                }
            }, "executions-collector");
            thread.start();
        }

        void awaitFirstEvents(int from, int to) {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            for (int i = to - 1; i >= from; i--) {
                while (arrival.get(i) == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no event for command " + i + " after 5 minutes");
                    }
                    LockSupport.parkNanos(1_000_000);
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    /** The seeded command stream; command {@code i} has CloudEvent id {@code b-i}. */
    private static final class Workload {
        private final OrderRequest[] requests;

        Workload(long seed, int count) {
            SplittableRandom random = new SplittableRandom(seed);
            requests = new OrderRequest[count];
            int[] placedSymbol = new int[count];
            String[] placedClient = new String[count];
            String[] placedAccount = new String[count];
            int placed = 0;
            for (int i = 0; i < count; i++) {
                int s = random.nextInt(SYMBOLS.length);
                String account = "acct-" + random.nextInt(100);
                boolean buy = random.nextBoolean();
                String side = buy ? "BUY" : "SELL";
                int roll = random.nextInt(100);
                String client = "o-" + i;
                if (roll < 50) {
                    long ticks = MID_TICKS[s] + (buy ? -1 : 1) * (1 + random.nextInt(10));
                    requests[i] = OrderRequest.place(client, account, SYMBOLS[s], side, "LIMIT", "GTC", false,
                            price(ticks), quantity(s, 1 + random.nextInt(10)));
                } else if (roll < 65) {
                    long ticks = MID_TICKS[s] + (buy ? 1 : -1) * (1 + random.nextInt(5));
                    requests[i] = OrderRequest.place(client, account, SYMBOLS[s], side, "LIMIT", "IOC", false,
                            price(ticks), quantity(s, 1 + random.nextInt(10)));
                } else if (roll < 70 || placed == 0) {
                    requests[i] = OrderRequest.place(client, account, SYMBOLS[s], side, "MARKET", null, false, null,
                            quantity(s, 1 + random.nextInt(5)));
                } else {
                    int k = random.nextInt(Math.max(1, Math.min(placed, 2_000)));
                    int target = placed - 1 - k;
                    int ts = placedSymbol[target];
                    requests[i] = roll < 90
                            ? new OrderRequest(OrderRequest.CANCEL, null, placedClient[target], placedAccount[target],
                                    SYMBOLS[ts], null, null, null, null, null, null)
                            : new OrderRequest(OrderRequest.AMEND, null, placedClient[target], placedAccount[target],
                                    SYMBOLS[ts], null, null, null, null,
                                    price(MID_TICKS[ts] + random.nextInt(21) - 10), null);
                }
                if (OrderRequest.PLACE.equals(requests[i].command())) {
                    placedSymbol[placed] = s;
                    placedClient[placed] = client;
                    placedAccount[placed] = account;
                    placed++;
                }
            }
        }

        ProducerRecord<String, byte[]> record(int i) {
            OrderRequest r = requests[i];
            CloudEvent event = CloudEventBuilder.v1().withId("b-" + i).withSource(SOURCE)
                    .withType(EventTypes.ORDER_REQUESTED).withDataContentType("application/json")
                    .withData(EventCodec.encode(r)).build();
            return KafkaMessageFactory.<String>createWriter(ORDERS, r.symbol()).writeBinary(event);
        }

        private static String price(long ticks) {
            return TICK.multiply(BigDecimal.valueOf(ticks)).toPlainString();
        }

        private static String quantity(int symbol, long lots) {
            return LOTS[symbol].multiply(BigDecimal.valueOf(lots)).toPlainString();
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap, int lingerMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static Process start(Path jar, EmbeddedKafka kafka, EmbeddedPostgres postgres, int port, Path log)
            throws IOException {
        postgres.createDatabase("ztrade");
        ProcessBuilder b = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xms512m",
                "-Xmx512m", "-jar", jar.toString());
        b.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        b.environment().put("ZTRADE_DB_URL", postgres.jdbcUrl("ztrade"));
        b.environment().put("ZTRADE_DB_USER", postgres.username());
        b.environment().put("ZTRADE_DB_PASSWORD", postgres.password());
        b.environment().put("ZTRADE_ORDERBOOK_TOKEN", "bench");
        b.environment().put("PORT", Integer.toString(port));
        b.redirectErrorStream(true).redirectOutput(log.toFile());
        return b.start();
    }

    private static void awaitReady(int port, Process service, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the service did not become ready; see " + log);
            }
            Thread.sleep(100);
        }
    }

    /** The service's own view: record timestamp to outcome (last minute or so), snapshots. */
    private static void printServiceMetrics(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder line = new StringBuilder("  service side:");
        for (String m : metrics.split("\n")) {
            if (m.startsWith("ztrade_orderbook_order_ack_seconds{quantile=")
                    || m.startsWith("ztrade_orderbook_snapshot_size_bytes_max")
                    || m.startsWith("ztrade_orderbook_snapshots_total")) {
                line.append(' ').append(m.replace("ztrade_orderbook_", ""));
            }
        }
        System.out.println(line);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
