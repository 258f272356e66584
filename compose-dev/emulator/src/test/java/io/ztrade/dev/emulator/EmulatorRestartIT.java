package io.ztrade.dev.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.ztrade.infra.EmbeddedKafka;
import io.ztrade.infra.EmbeddedPostgres;
import java.io.IOException;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged emulator, killed with SIGKILL after it answered 202 and while the delivery was in
 * flight, delivers the event after it is started again on the same Kafka: an accepted event is
 * never lost. Kafka and PostgreSQL run in this JVM (the emulator is told they are external), so
 * that killing the emulator kills nothing else.
 */
class EmulatorRestartIT {

    static final Path ARTIFACT = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    static final Path LOG = Path.of("target/emulator-restart-it.log").toAbsolutePath();

    static EmbeddedKafka kafka;
    static EmbeddedPostgres postgres;
    static HttpServer subscriber;
    static final List<String> received = new CopyOnWriteArrayList<>();
    static volatile CountDownLatch release = new CountDownLatch(1);
    static volatile boolean hold = true;

    @TempDir
    static Path work;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        Files.deleteIfExists(LOG);
        kafka = EmbeddedKafka.start();
        postgres = EmbeddedPostgres.start();
        postgres.createDatabase("ztrade");
        subscriber = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        subscriber.setExecutor(Executors.newCachedThreadPool());
        subscriber.createContext("/sub", ex -> {
            try (ex) {
                received.add(ex.getRequestHeaders().getFirst("ce-id"));
                if (hold) {
                    release.await(120, TimeUnit.SECONDS);
                }
                ex.sendResponseHeaders(202, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        subscriber.start();
        Path manifests = Files.createDirectories(work.resolve("manifests"));
        Files.writeString(manifests.resolve("broker.yaml"), """
                apiVersion: eventing.knative.dev/v1
                kind: Broker
                metadata: {name: default, namespace: ztrade}
                ---
                apiVersion: eventing.knative.dev/v1
                kind: Trigger
                metadata: {name: durable, namespace: ztrade}
                spec:
                  broker: default
                  filter:
                    attributes: {type: test.durable}
                  subscriber: {uri: "http://localhost:%d/sub"}
                  delivery: {retry: 3, backoffDelay: PT0.1S, timeout: PT2M}
                """.formatted(subscriber.getAddress().getPort()));
    }

    @AfterAll
    static void stop() {
        release.countDown();
        if (subscriber != null) {
            subscriber.stop(0);
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    Process emulator(int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dztrade.infra.external=true",
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl("ztrade"),
                "-Dquarkus.datasource.username=" + postgres.username(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dquarkus.http.port=" + port,
                "-Dztrade.root=" + work,
                "-Dztrade.manifests=" + work.resolve("manifests"),
                "-Dztrade.serving.enabled=false",
                "-Dztrade.historical-data.import-on-start=false",
                "-jar", ARTIFACT.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile())).start();
    }

    void awaitReady(Process p, int port) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(p.isAlive()).as("emulator running (see %s)", LOG).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/platform")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"ready\":true");
            } catch (IOException e) {
                return false;
            }
        });
    }

    int post(int port, String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ztrade/default"))
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/tests").header("ce-type", "test.durable")
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    String status(int port, String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events/" + id)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void anEventAcceptedBeforeTheEmulatorWasKilledIsDeliveredAfterItRestarts() throws Exception {
        int port = freePort();
        Process first = emulator(port);
        String id = "durable-" + UUID.randomUUID();
        try {
            awaitReady(first, port);
            assertThat(post(port, id)).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains(id));
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no commit
            first.waitFor(30, TimeUnit.SECONDS);
        }
        hold = false;
        release.countDown();
        assertThat(received).containsOnlyOnce(id);

        Process second = emulator(port);
        try {
            awaitReady(second, port);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().filter(id::equals).count() == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> status(port, id).contains("\"status\":\"delivered\""));
            assertThat(status(port, id)).contains("\"via\":\"redelivery\"");
        } finally {
            second.destroy(); // SIGTERM: a graceful stop commits what was delivered
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        // Delivered and committed: a third start does not deliver it again.
        Process third = emulator(port);
        try {
            awaitReady(third, port);
            String marker = "marker-" + UUID.randomUUID();
            assertThat(post(port, marker)).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains(marker));
            assertThat(received.stream().filter(id::equals).count()).isEqualTo(2);
        } finally {
            third.destroy();
            third.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
