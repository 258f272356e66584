package io.ztrade.bench.eventing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged emulator ({@code compose-dev/emulator/target/quarkus-app}) as a child process on the
 * benchmark's manifests, with its embedded Kafka and PostgreSQL in a temporary folder and serving
 * off (subscribers are plain URLs served by the benchmark). {@code -Dbench.emulator.jvm-args="..."}
 * adds JVM options to it (a profiler, a heap size).
 */
final class EmulatorProcess implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path work;
    private final int port;

    private EmulatorProcess(Process process, Path work, int port) {
        this.process = process;
        this.work = work;
        this.port = port;
    }

    /** Starts the emulator on {@code manifests} (YAML) and waits until it is ready. */
    static EmulatorProcess start(String manifests, List<String> properties) throws Exception {
        Path root = Path.of(System.getProperty("ztrade.root", ".")).toAbsolutePath().normalize();
        Path jar = root.resolve("compose-dev/emulator/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -pl compose-dev/emulator package -DskipTests");
        }
        Path work = Files.createTempDirectory("ztrade-bench-eventing-");
        Path dir = Files.createDirectories(work.resolve("manifests"));
        Files.writeString(dir.resolve("bench.yaml"), manifests);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String extra = System.getProperty("bench.emulator.jvm-args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-Dztrade.infra.data-dir=" + work.resolve("data"), "-Dztrade.manifests=" + dir,
                "-Dztrade.serving.enabled=false", "-Dztrade.historical-data.import-on-start=false",
                "-Dquarkus.log.level=WARN"));
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toString(), "up", "--port", String.valueOf(port), "--root", work.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("emulator.log").toFile()).start();
        EmulatorProcess emulator = new EmulatorProcess(process, work, port);
        try {
            emulator.awaitReady();
        } catch (Exception e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    /** Manifests: the broker {@code ztrade/default} and the given Triggers. */
    static String manifests(String... triggers) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: eventing.knative.dev/v1
                kind: Broker
                metadata: {name: default, namespace: ztrade}
                """);
        for (String trigger : triggers) {
            yaml.append("---\n").append(trigger);
        }
        return yaml.toString();
    }

    /** A Trigger of {@code ztrade/default} on one event type; {@code delivery} is YAML or empty. */
    static String trigger(String name, String type, String subscriber, String delivery) {
        String yaml = """
                apiVersion: eventing.knative.dev/v1
                kind: Trigger
                metadata: {name: %s, namespace: ztrade}
                spec:
                  broker: default
                  filter: {attributes: {type: %s}}
                  subscriber: {uri: "%s"}
                """.formatted(name, type, subscriber);
        return delivery.isEmpty() ? yaml : yaml + "  delivery:\n" + delivery.strip().indent(4);
    }

    URI broker() {
        return URI.create("http://localhost:" + port + "/ztrade/default");
    }

    URI api(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The embedded Kafka's bootstrap servers, as the start-up banner names them. */
    String kafkaBootstrap() throws IOException {
        for (String line : Files.readAllLines(work.resolve("emulator.log"))) {
            int at = line.indexOf("kafka           ");
            if (at >= 0) {
                return line.substring(at + "kafka           ".length()).strip();
            }
        }
        throw new IllegalStateException("no Kafka address in the emulator's banner (" + work.resolve("emulator.log") + ")");
    }

    /** Resident set size of the emulator process (Linux), in MiB; -1 where unknown. */
    long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or gone
        }
        return -1;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                List<String> log = Files.readAllLines(work.resolve("emulator.log"));
                throw new IllegalStateException("the emulator exited:\n"
                        + String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size())));
            }
            try {
                String body = HTTP.send(HttpRequest.newBuilder(api("/api/platform")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the emulator did not start within 120 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }

    /** An HTTP server of the benchmark (a function, a sink) on a free port, one virtual thread per request. */
    static HttpServer server(HttpHandler handler) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("localhost", 0), 512);
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.createContext("/", handler);
        s.start();
        return s;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
