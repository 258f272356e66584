package io.ztrade.dev.emulator.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.knative.serving.v1.Service;
import io.ztrade.dev.serving.Lease;
import io.ztrade.dev.serving.LocalServing;
import io.ztrade.dev.serving.ServiceStatus;
import io.ztrade.dev.serving.ServingConfig;
import io.ztrade.dev.serving.ServingManifests;
import io.ztrade.infra.SharedInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inner loop ({@code ./ztrade dev backtest}): the serving layer runs the backtest function in
 * Quarkus dev mode from the sources of a copy of this repository; the test edits a source file of
 * the function in that copy, and the next request gets the new code's answer, with no restart of
 * anything else. Slow (dev mode compiles the function and the modules it uses first), so one test.
 */
class DevModeIT {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final Path SOURCE = Path.of("functions/backtest/src/main/java/io/ztrade/backtest/BacktestService.java");
    /** A valid request for years without shipped bars: the function answers backtest.failed with its reason. */
    private static final String NO_BARS = """
            {"strategy":"sma-crossover","params":{"fast":10,"slow":30},"symbol":"AAPL","timeframe":"1Day",
             "from":"1990-01-01T00:00:00Z","to":"1991-01-01T00:00:00Z","initialCapital":10000}""";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path copy;

    private LocalServing serving;

    @AfterEach
    void stop() {
        if (serving != null) {
            serving.close();
        }
    }

    @Test
    void anEditedFunctionAnswersTheNextEventWithItsNewCode() throws Exception {
        copySources(REPOSITORY, copy);
        Map<String, String> db = SharedInfrastructure.postgres("ztrade_dev_mode");
        Service backtest = ServingManifests.read(copy.resolve("knative/functions")).services().stream()
                .filter(s -> s.getMetadata().getName().equals("backtest")).findFirst().orElseThrow();
        ServingConfig config = new ServingConfig(copy, Map.of(
                "ZTRADE_DB_URL", db.get("quarkus.datasource.jdbc.url"),
                "ZTRADE_DB_USER", db.get("quarkus.datasource.username"),
                "ZTRADE_DB_PASSWORD", db.get("quarkus.datasource.password")),
                null, copy.resolve(".ztrade/logs"), Duration.ofMinutes(1), Set.of("backtest"));
        serving = LocalServing.start(config, List.of(backtest), List.of());

        try (Lease lease = serving.acquire("backtest", Duration.ofMinutes(10))) {
            ServiceStatus status = serving.status().get(0);
            assertThat(status.dev()).isTrue();
            assertThat(status.maxScale()).as("one dev replica").isEqualTo(1);
            assertThat(Files.readString(copy.resolve(".ztrade/logs/backtest.log"))).contains("quarkus:dev");

            HttpResponse<String> before = post(lease.url());
            assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
            assertThat(before.headers().firstValue("ce-type")).contains("io.ztrade.backtest.failed");
            assertThat(before.body()).contains("no 1Day bars of AAPL");

            Path source = copy.resolve(SOURCE);
            String code = Files.readString(source);
            assertThat(code).contains("\"no \" + timeframe + \" bars of \"");
            // dev mode compares modification times with its last scan (the first request's): edit in a
            // later second than that scan, as a person at an editor does
            Thread.sleep(1_500);
            Files.writeString(source, code.replace("\"no \" + timeframe + \" bars of \"", "\"nothing to test: no \" + timeframe + \" bars of \""));
            Files.setLastModifiedTime(source, FileTime.from(Instant.now()));

            // the next request triggers the reload; on a loaded machine the scan may need one more
            HttpResponse<String> after = post(lease.url());
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!after.body().contains("nothing to test") && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                after = post(lease.url());
            }
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            assertThat(after.body()).as("the edited code answers").contains("nothing to test: no 1Day bars of AAPL");
            assertThat(serving.status().get(0).readyReplicas()).as("the same replica, reloaded in place").isEqualTo(1);
        }
    }

    /** A binary-mode {@code backtest.requested} for years without bars. */
    private static HttpResponse<String> post(URI function) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(function.resolve("/"))
                .timeout(Duration.ofMinutes(5)) // the first request after an edit waits for the reload
                .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/tests/dev-mode").header("ce-type", "io.ztrade.backtest.requested")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NO_BARS)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The repository's sources (no build output, no Git data, no local state). */
    private static void copySources(Path from, Path to) throws IOException {
        Set<String> skipped = Set.of("target", ".git", ".ztrade", "node_modules");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path rel = from.relativize(f);
                boolean skip = false;
                for (Path part : rel) {
                    skip |= skipped.contains(part.toString());
                }
                if (skip || rel.toString().isEmpty()) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
