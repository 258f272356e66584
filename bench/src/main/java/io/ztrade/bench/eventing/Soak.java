package io.ztrade.bench.eventing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Soak and back-pressure through the local broker (the packaged emulator, its Kafka-backed broker,
 * dispatcher and delivery), against functions served by this program. Prints counts and rates;
 * asserts nothing.
 *
 * <p><b>Soak.</b> A steady open-loop stream of {@code soak.ping} events at {@code rate}/s for
 * {@code seconds}. The function fails the first delivery of {@code fail%} of the events with 503
 * (retried by the Trigger's delivery spec) and refuses {@code poison%} with 400 (not retryable
 * in Knative: dead-lettered at once, with its reason); every other delivery is answered with a
 * {@code soak.pong} reply that a second Trigger delivers to a sink. At the end every event the
 * ingress accepted is accounted for, counted three ways: in the broker's Kafka topic, in the
 * function's own ledger (deliveries and attempts per id), and at the reply sink and the dead-letter
 * sink. At-least-once allows a reply twice (a redelivery after a lost answer); it does not allow
 * one missing.
 *
 * <p><b>Back-pressure.</b> A function saturated at its maximum scale: at most {@code 4} requests
 * at once, 40 ms each (about 100 events/s; what {@code max-scale} x {@code containerConcurrency}
 * = 4 allows), offered 3 x that for 60 s. The ingress keeps answering 202 (the events are in
 * Kafka), the backlog grows in Kafka, not in memory (the dispatcher pauses reading at
 * {@code ztrade.eventing.max-in-flight}), and drains after the burst; the emulator's resident
 * memory is sampled throughout.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl compose-dev/emulator -am package -DskipTests && ./mvnw -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.ztrade.bench.eventing.Soak [seconds=240] [rate=200] [fail%=10] [poison%=1]
 * (seconds = 0: the back-pressure phase only)
 * }</pre>
 */
public final class Soak {

    private static final String TOPIC = "knative-broker-ztrade-default";

    private final int failPercent;
    private final int poisonPercent;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pongs = new ConcurrentHashMap<>();
    private final Map<String, String> deadLetters = new ConcurrentHashMap<>();
    private final Semaphore slots = new Semaphore(4);
    private final AtomicLong slowDone = new AtomicLong();
    private final Set<String> slowSeen = ConcurrentHashMap.newKeySet();

    private Soak(int failPercent, int poisonPercent) {
        this.failPercent = failPercent;
        this.poisonPercent = poisonPercent;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int fail = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int poison = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        new Soak(fail, poison).run(seconds, rate);
    }

    private void run(int seconds, int rate) throws Exception {
        HttpServer function = EmulatorProcess.server(this::function);
        HttpServer slow = EmulatorProcess.server(this::slowFunction);
        HttpServer sink = EmulatorProcess.server(this::sink);
        String fn = "http://localhost:" + function.getAddress().getPort() + "/";
        String out = "http://localhost:" + sink.getAddress().getPort();
        String manifests = EmulatorProcess.manifests(
                EmulatorProcess.trigger("function-soak-ping", "soak.ping", fn, """
                        retry: 3
                        backoffPolicy: linear
                        backoffDelay: PT0.2S
                        timeout: PT10S
                        deadLetterSink: {uri: "%s/dead"}""".formatted(out)),
                EmulatorProcess.trigger("sink-soak-pong", "soak.pong", out + "/pong", ""),
                EmulatorProcess.trigger("slow-bp-ping", "bp.ping", "http://localhost:" + slow.getAddress().getPort() + "/", """
                        retry: 10
                        backoffPolicy: exponential
                        backoffDelay: PT0.5S
                        timeout: PT60S"""));
        try (EmulatorProcess emulator = EmulatorProcess.start(manifests, List.of())) {
            System.out.printf("JDK %s, %d CPUs; soak %d s at %d events/s, %d%% fail once, %d%% poison%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), seconds, rate, failPercent, poisonPercent);
            if (seconds > 0) {
                soak(emulator, seconds, rate);
            }
            backPressure(emulator);
        } finally {
            function.stop(0);
            slow.stop(0);
            sink.stop(0);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Soak

    private void soak(EmulatorProcess emulator, int seconds, int rate) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Load load = new Load(emulator.broker(), "soak.ping", "soak-" + run);
        long maxRss = 0;
        long start = System.nanoTime();
        load.start(rate);
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(1000);
            maxRss = Math.max(maxRss, emulator.rssMiB());
            if (s % 30 == 0) {
                System.out.printf("  %4d s: %d accepted, %d replied, %d dead-lettered, emulator RSS %d MiB%n", s,
                        load.accepted.size(), pongs.size(), deadLetters.size(), emulator.rssMiB());
            }
        }
        load.stop();
        double offered = load.accepted.size() / ((System.nanoTime() - start) / 1e9);
        // drain: until everything accepted is replied or dead-lettered, or nothing moves for 60 s
        long last = -1;
        long still = System.nanoTime();
        while (accountedFor(load.accepted) < load.accepted.size() && System.nanoTime() - still < TimeUnit.SECONDS.toNanos(60)) {
            long now = pongs.size() + deadLetters.size();
            if (now != last) {
                last = now;
                still = System.nanoTime();
            }
            Thread.sleep(200);
            maxRss = Math.max(maxRss, emulator.rssMiB());
        }
        double drained = (System.nanoTime() - start) / 1e9 - seconds;

        Map<String, Integer> inKafka = kafkaCounts(emulator, "soak.ping", "soak-" + run);
        Set<String> accepted = load.accepted;
        Set<String> poison = new HashSet<>();
        Set<String> flaky = new HashSet<>();
        for (String id : accepted) {
            int bucket = bucket(id);
            if (bucket < poisonPercent) {
                poison.add(id);
            } else if (bucket < poisonPercent + failPercent) {
                flaky.add(id);
            }
        }
        long lost = accepted.stream().filter(id -> !pongs.containsKey(id) && !deadLetters.containsKey(id)).count();
        long wrongDead = deadLetters.keySet().stream().filter(id -> !poison.contains(id)).count();
        long doubleReplies = pongs.values().stream().filter(c -> c.get() > 1).count();
        long doubleAnswers = answered.values().stream().filter(c -> c.get() > 1).count();
        long retriedThenOk = flaky.stream().filter(id -> attempts.getOrDefault(id, new AtomicInteger()).get() >= 2
                && pongs.containsKey(id)).count();
        long totalAttempts = attempts.values().stream().mapToLong(AtomicInteger::get).sum();
        Map<String, Long> reasons = new HashMap<>();
        deadLetters.values().forEach(r -> reasons.merge(r, 1L, Long::sum));

        System.out.println();
        System.out.println("| soak | count |");
        System.out.println("|---|---|");
        System.out.printf("| events sent / accepted by the ingress (202) / refused | %d / %d / %d |%n",
                load.sent.get(), accepted.size(), load.refused.get());
        System.out.printf("| accepted rate | %.0f events/s |%n", offered);
        System.out.printf("| in the broker's Kafka topic (distinct ids / records) | %d / %d |%n", inKafka.size(),
                inKafka.values().stream().mapToLong(Integer::longValue).sum());
        System.out.printf("| accepted but not in Kafka | %d |%n", accepted.stream().filter(id -> !inKafka.containsKey(id)).count());
        System.out.printf("| function ledger: deliveries (attempts) / distinct ids answered 200 | %d / %d |%n", totalAttempts,
                answered.size());
        System.out.printf("| failed once with 503 and then replied / of them | %d / %d |%n", retriedThenOk, flaky.size());
        System.out.printf("| poison (400 every time): dead-lettered / of them | %d / %d |%n",
                poison.stream().filter(deadLetters::containsKey).count(), poison.size());
        System.out.printf("| dead-letter reasons (knativeerrorcode) | %s |%n", reasons);
        System.out.printf("| replies delivered to the sink (distinct) | %d |%n", pongs.size());
        System.out.printf("| answered twice by the function / replies delivered twice (at-least-once) | %d / %d |%n",
                doubleAnswers, doubleReplies);
        System.out.printf("| dead-lettered but not poison | %d |%n", wrongDead);
        System.out.printf("| **lost** (accepted, neither replied nor dead-lettered) | **%d** |%n", lost);
        System.out.printf("| drain after the load stopped | %.1f s |%n", drained);
        System.out.printf("| emulator RSS, max | %d MiB |%n", maxRss);
    }

    private long accountedFor(Set<String> accepted) {
        return accepted.stream().filter(id -> pongs.containsKey(id) || deadLetters.containsKey(id)).count();
    }

    /** Which behaviour an id gets: stable per id, uniform over 0..99. */
    private static int bucket(String id) {
        return Math.floorMod(id.hashCode() * 0x9E3779B1, 100);
    }

    private void function(HttpExchange ex) throws IOException {
        try (ex) {
            String id = ex.getRequestHeaders().getFirst("ce-id");
            byte[] body = ex.getRequestBody().readAllBytes();
            int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            int bucket = bucket(id);
            if (bucket < poisonPercent) {
                byte[] error = "{\"error\":\"poison\",\"field\":\"n\",\"message\":\"refused on purpose\"}"
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("content-type", "application/json");
                ex.sendResponseHeaders(400, error.length);
                ex.getResponseBody().write(error);
                return;
            }
            if (bucket < poisonPercent + failPercent && attempt == 1) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            answered.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            var h = ex.getResponseHeaders();
            h.add("ce-specversion", "1.0");
            h.add("ce-id", id + "-pong");
            h.add("ce-source", "/bench/soak-function");
            h.add("ce-type", "soak.pong");
            h.add("content-type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    /** At most 4 at once, 40 ms each: a function at its maximum scale. */
    private void slowFunction(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String id = ex.getRequestHeaders().getFirst("ce-id");
            slots.acquireUninterruptibly();
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                slots.release();
            }
            slowDone.incrementAndGet();
            slowSeen.add(id);
            ex.sendResponseHeaders(202, -1);
        }
    }

    private void sink(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String id = ex.getRequestHeaders().getFirst("ce-id");
            if (ex.getRequestURI().getPath().equals("/dead")) {
                deadLetters.put(id, String.valueOf(ex.getRequestHeaders().getFirst("ce-knativeerrorcode")));
            } else if (id != null && id.endsWith("-pong")) {
                pongs.computeIfAbsent(id.substring(0, id.length() - 5), k -> new AtomicInteger()).incrementAndGet();
            }
            ex.sendResponseHeaders(202, -1);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Back-pressure

    private void backPressure(EmulatorProcess emulator) throws Exception {
        int capacity = 100;
        int rate = 3 * capacity;
        int seconds = 60;
        Load load = new Load(emulator.broker(), "bp.ping", "bp-" + UUID.randomUUID().toString().substring(0, 8));
        System.out.println();
        System.out.printf("back-pressure: a function that takes about %d events/s, offered %d/s for %d s%n", capacity, rate,
                seconds);
        System.out.println("| t (s) | accepted (202) | delivered | backlog | emulator RSS MiB |");
        System.out.println("|---|---|---|---|---|");
        long before = slowDone.get();
        LongSupplier delivered = () -> slowDone.get() - before;
        long start = System.nanoTime();
        long maxBacklog = 0;
        long maxRss = 0;
        load.start(rate);
        int t = 0;
        while (true) {
            Thread.sleep(1000);
            t++;
            if (t == seconds) {
                load.stop();
            }
            long backlog = load.accepted.size() - delivered.getAsLong();
            long rss = emulator.rssMiB();
            maxBacklog = Math.max(maxBacklog, backlog);
            maxRss = Math.max(maxRss, rss);
            if (t % 10 == 0) {
                System.out.printf("| %d | %d | %d | %d | %d |%n", t, load.accepted.size(), delivered.getAsLong(), backlog, rss);
            }
            if (t >= seconds && load.accepted.stream().allMatch(slowSeen::contains) || t > seconds + 600) {
                break;
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        long missing = load.accepted.stream().filter(id -> !slowSeen.contains(id)).count();
        System.out.println();
        System.out.printf("accepted %d, delivered %d distinct (%d deliveries), missing %d%n", load.accepted.size(),
                load.accepted.stream().filter(slowSeen::contains).count(), delivered.getAsLong(), missing);
        System.out.printf("accepted %d (refused %d) at %.0f/s while the function delivered %.0f/s; peak backlog %d events,"
                        + " held in Kafka; all delivered %.0f s after the burst ended; emulator RSS max %d MiB%n",
                load.accepted.size(), load.refused.get(), load.accepted.size() / (double) seconds,
                delivered.getAsLong() / total, maxBacklog, total - seconds, maxRss);
    }

    // ---------------------------------------------------------------------------------------------

    /** An open-loop sender: {@code rate} events per second in 10 ms ticks, whatever the answers take. */
    private static final class Load {

        final URI broker;
        final String type;
        final String prefix;
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        private ScheduledExecutorService ticks;

        Load(URI broker, String type, String prefix) {
            this.broker = broker;
            this.type = type;
            this.prefix = prefix;
        }

        void start(int rate) {
            ticks = Executors.newSingleThreadScheduledExecutor();
            AtomicLong n = new AtomicLong();
            long startNanos = System.nanoTime();
            ticks.scheduleAtFixedRate(() -> {
                long due = (System.nanoTime() - startNanos) * rate / 1_000_000_000L;
                while (n.get() < due) {
                    send(prefix + "-" + n.getAndIncrement());
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            ticks.shutdown();
            ticks.awaitTermination(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (accepted.size() + refused.get() < sent.get() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        private void send(String id) {
            sent.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(broker).timeout(Duration.ofSeconds(60))
                    .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/bench/soak")
                    .header("ce-type", type).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"AAPL\",\"n\":1}")).build();
            EmulatorProcess.HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e == null && r.statusCode() == 202) {
                    accepted.add(id);
                } else {
                    refused.incrementAndGet();
                }
            });
        }
    }

    /** Records per event id of {@code type} in the broker's topic, read from the start. */
    private static Map<String, Integer> kafkaCounts(EmulatorProcess emulator, String type, String prefix) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, emulator.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "soak-count-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long quiet = System.nanoTime();
            while (System.nanoTime() - quiet < TimeUnit.SECONDS.toNanos(5)) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    quiet = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> r : records) {
                    Header t = r.headers().lastHeader("ce_type");
                    Header id = r.headers().lastHeader("ce_id");
                    if (t != null && id != null && type.equals(new String(t.value(), StandardCharsets.UTF_8))) {
                        String value = new String(id.value(), StandardCharsets.UTF_8);
                        if (value.startsWith(prefix)) {
                            counts.merge(value, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return counts;
    }
}
