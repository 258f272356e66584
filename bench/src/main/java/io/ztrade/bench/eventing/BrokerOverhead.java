package io.ztrade.bench.eventing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * What the local broker adds to a function call: the same trivial function (an in-process HTTP
 * server answering every CloudEvent with a reply event) called directly, and through the packaged
 * emulator (ingress, Kafka, dispatcher, Trigger, function, reply back through Kafka, a second
 * Trigger delivering the reply to a sink). Prints events per second and latency percentiles; asserts
 * nothing.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl compose-dev/emulator package -DskipTests && ./mvnw -B -q -pl bench package
 * java -cp bench/target/benchmarks.jar io.ztrade.bench.eventing.BrokerOverhead [seconds] [concurrency]
 * }</pre>
 *
 * The emulator runs with its embedded Kafka and PostgreSQL in a temporary folder, serving off;
 * {@code -Dbench.emulator.jvm-args="..."} adds JVM options to it (a profiler, a heap size).
 */
public final class BrokerOverhead {

    private final Map<String, CompletableFuture<Long>> replies = new ConcurrentHashMap<>();
    private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private HttpServer function;
    private HttpServer sink;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        new BrokerOverhead().run(seconds, concurrency);
    }

    void run(int seconds, int concurrency) throws Exception {
        function = EmulatorProcess.server(this::function);
        sink = EmulatorProcess.server(this::sink);
        String manifests = EmulatorProcess.manifests(
                EmulatorProcess.trigger("function-bench-ping", "bench.ping", "http://localhost:" + function.getAddress().getPort() + "/", ""),
                EmulatorProcess.trigger("sink-bench-pong", "bench.pong", "http://localhost:" + sink.getAddress().getPort() + "/", ""));
        try (EmulatorProcess emulator = EmulatorProcess.start(manifests, List.of("-Dztrade.eventing.log-capacity=1000"))) {
            URI direct = URI.create("http://localhost:" + function.getAddress().getPort() + "/");
            URI broker = emulator.broker();

            System.out.printf("JDK %s, %d CPUs; %d s per measurement after a warm-up, concurrency %d%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), seconds, concurrency);
            // warm both paths (JIT, connections, Kafka metadata)
            throughput(direct, false, concurrency, 5);
            throughput(broker, true, concurrency, 5);

            Histogram directLatency = latency(direct, false, seconds);
            Histogram deliveryLatency = new Histogram(3);
            Histogram roundTrip = latency(broker, true, seconds, deliveryLatency);
            double directRate = throughput(direct, false, concurrency, seconds);
            double brokerRate = throughput(broker, true, concurrency, seconds);

            System.out.println();
            System.out.println("| path | events/s (concurrency " + concurrency + ") | p50 ms | p95 ms | p99 ms | samples |");
            System.out.println("|---|---|---|---|---|---|");
            row("function called directly (request -> reply)", directRate, directLatency);
            row("broker -> function (ingress 202 ... function receives)", Double.NaN, deliveryLatency);
            row("broker -> function -> reply -> broker -> subscriber", brokerRate, roundTrip);
            System.out.println();
            System.out.printf("broker throughput / direct throughput: %.3f%n", brokerRate / directRate);
            System.out.printf("client requests sent twice (stale keep-alive connection): %d%n", retries.get());
            System.out.printf("added latency, one delivery (p50 / p95 / p99): %.2f / %.2f / %.2f ms%n",
                    added(deliveryLatency, directLatency, 50), added(deliveryLatency, directLatency, 95),
                    added(deliveryLatency, directLatency, 99));
            System.out.printf("added latency, event in to reply delivered (p50 / p95 / p99): %.2f / %.2f / %.2f ms%n",
                    added(roundTrip, directLatency, 50), added(roundTrip, directLatency, 95), added(roundTrip, directLatency, 99));
        } finally {
            function.stop(0);
            sink.stop(0);
        }
    }

    /** The function: answers every event with a reply event (200, binary mode). */
    private void function(HttpExchange ex) throws IOException {
        try (ex) {
            String id = ex.getRequestHeaders().getFirst("ce-id");
            deliveredAt.put(id, System.nanoTime());
            byte[] body = ex.getRequestBody().readAllBytes();
            var h = ex.getResponseHeaders();
            h.add("ce-specversion", "1.0");
            h.add("ce-id", id + "-pong");
            h.add("ce-source", "/bench/function");
            h.add("ce-type", "bench.pong");
            h.add("content-type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    /** The subscriber of the replies. */
    private void sink(HttpExchange ex) throws IOException {
        try (ex) {
            long now = System.nanoTime();
            ex.getRequestBody().readAllBytes();
            String id = ex.getRequestHeaders().getFirst("ce-id");
            CompletableFuture<Long> f = replies.remove(id.substring(0, id.length() - "-pong".length()));
            if (f != null) {
                f.complete(now);
            }
            ex.sendResponseHeaders(202, -1);
        }
    }

    /** One event: returns when the reply is in (directly: the response; through the broker: at the sink). */
    private long call(URI target, boolean viaBroker, String id) throws Exception {
        CompletableFuture<Long> reply = null;
        if (viaBroker) {
            reply = new CompletableFuture<>();
            replies.put(id, reply);
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/bench")
                .header("ce-type", "bench.ping").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"AAPL\",\"n\":1}")).build();
        HttpResponse<byte[]> response;
        try {
            response = EmulatorProcess.HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // a pooled keep-alive connection the server had just closed: once more on a fresh one
            retries.incrementAndGet();
            response = EmulatorProcess.HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        int expected = viaBroker ? 202 : 200;
        if (response.statusCode() != expected) {
            throw new IllegalStateException(target + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return viaBroker ? reply.get(30, TimeUnit.SECONDS) : System.nanoTime();
    }

    private Histogram latency(URI target, boolean viaBroker, int seconds) throws Exception {
        return latency(target, viaBroker, seconds, null);
    }

    /** One event at a time for {@code seconds}: the latency of each. */
    private Histogram latency(URI target, boolean viaBroker, int seconds, Histogram delivery) throws Exception {
        Histogram h = new Histogram(3);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long n = 0;
        while (System.nanoTime() < end) {
            String id = "lat-" + (viaBroker ? "b-" : "d-") + n++;
            long start = System.nanoTime();
            long done = call(target, viaBroker, id);
            h.recordValue((done - start) / 1_000);
            Long received = deliveredAt.remove(id);
            if (delivery != null && received != null) {
                delivery.recordValue((received - start) / 1_000);
            }
        }
        return h;
    }

    /** {@code concurrency} clients in a closed loop for {@code seconds}: completed events per second. */
    private double throughput(URI target, boolean viaBroker, int concurrency, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    call(target, viaBroker, "tp-" + (viaBroker ? "b-" : "d-") + client + "-" + n++ + "-" + start);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        stop.set(true);
        long count = done.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (var f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        deliveredAt.clear();
        return count / elapsed;
    }

    private static void row(String path, double rate, Histogram h) {
        System.out.printf("| %s | %s | %.2f | %.2f | %.2f | %d |%n", path, Double.isNaN(rate) ? "-" : String.format("%.0f", rate),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getTotalCount());
    }

    private static double added(Histogram path, Histogram direct, double percentile) {
        return (path.getValueAtPercentile(percentile) - direct.getValueAtPercentile(percentile)) / 1000.0;
    }
}
