package io.ztrade.bench.serving;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.fabric8.knative.serving.v1.Service;
import io.ztrade.dev.serving.Lease;
import io.ztrade.dev.serving.LocalServing;
import io.ztrade.dev.serving.ServiceStatus;
import io.ztrade.dev.serving.ServingConfig;
import io.ztrade.dev.serving.ServingManifests;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventTypes;
import io.ztrade.events.http.CloudEventHttp;
import io.ztrade.events.payload.BacktestRequest;
import io.ztrade.infra.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start of a Knative Service run by {@code LocalServing}: a {@code backtest.requested} event
 * in, the {@code backtest.completed} reply out, with zero replicas at the start, for
 * functions/backtest (the real artifact, from knative/functions/backtest.yaml, against an embedded
 * PostgreSQL 17). Median of {@code --runs} (5) each, for:
 * <ul>
 *   <li>{@code JVM}: {@code java -jar quarkus-run.jar};</li>
 *   <li>{@code AOT}: with the JDK AOT cache Quarkus built from the application's start-up
 *       ({@code -XX:AOTCache=app.aot}, {@code quarkus.package.jar.aot.phase=BUILD});</li>
 *   <li>{@code AOT(IT)}: with a cache trained by the integration tests (classes and profiles of the
 *       request path too);</li>
 *   <li>{@code +C1}: and {@value #STARTUP_FLAGS} through the container's {@code JAVA_OPTS_APPEND};</li>
 *   <li>{@code -Flyway}: and no schema migration at start ({@code QUARKUS_FLYWAY_MIGRATE_AT_START=false}), as when
 *       the platform migrates once instead of at every cold start.</li>
 * </ul>
 *
 * <p>Measured from the moment the request arrives ({@code acquire}, as Knative's activator holds
 * it) to the reply's last byte; split into the replica's start (process start to ready) and the
 * first request. A warm request on the same replica is printed for reference. No broker: this is
 * Serving alone.
 *
 * <p>The AOT variants need artifacts packaged with a cache (JDK 25+). {@code --app} (default
 * {@code functions/backtest/target/quarkus-app}) with one trained by the start-up at build time,
 * {@code --trained-app} (optional) with one trained by the integration tests (copy the first
 * {@code quarkus-app} away with {@code cp -a} before building the second in the same module):
 * <pre>
 * ./mvnw -pl functions/backtest -am package -DskipTests \
 *   -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=AOT -Dquarkus.package.jar.aot.phase=BUILD
 * ./mvnw -pl functions/backtest -am verify -DskipITs=false -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=AOT
 * ./mvnw -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.ztrade.bench.serving.ColdStartBenchmark [--root .] [--app DIR] [--trained-app DIR] [--runs 5]
 * </pre>
 * It prints numbers; it asserts nothing.
 */
public final class ColdStartBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration ACQUIRE_TIMEOUT = Duration.ofMinutes(3);

    /** C1 only and the serial collector: less JIT and GC work while a JVM starts on a busy machine. */
    static final String STARTUP_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private record Variant(String name, boolean aotCache, Path root, Map<String, String> env) {}

    private record Sample(long eventToReplyMs, long startMs, long quarkusStartMs, long firstRequestMs, long warmRequestMs) {}

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        Path app = Path.of(options.getOrDefault("--app", root.resolve("functions/backtest/target/quarkus-app").toString()))
                .toAbsolutePath().normalize();
        Path trained = options.containsKey("--trained-app") ? Path.of(options.get("--trained-app")).toAbsolutePath().normalize() : null;
        int runs = Integer.parseInt(options.getOrDefault("--runs", "5"));
        if (trained != null && !Files.isRegularFile(trained.resolve("app.aot"))) {
            throw new IllegalStateException(trained + "/app.aot is missing: see the class comment");
        }
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + "/quarkus-run.jar is missing: ./mvnw -pl functions/backtest -am package -DskipTests");
        }
        Service backtest = ServingManifests.read(root.resolve("knative")).services().stream()
                .filter(s -> s.getMetadata().getName().equals("backtest")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Knative Service 'backtest' in " + root.resolve("knative")));

        System.out.printf("JVM %s (%s); %d cores; artifact %s%n", Runtime.version(), System.getProperty("java.vendor"),
                Runtime.getRuntime().availableProcessors(), app);
        Path work = Files.createTempDirectory("ztrade-coldstart");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            postgres.createDatabase("ztrade");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("ZTRADE_DB_URL", postgres.jdbcUrl("ztrade"));
            env.put("ZTRADE_DB_USER", postgres.username());
            env.put("ZTRADE_DB_PASSWORD", postgres.password());

            Map<String, String> tuned = Map.of("JAVA_OPTS_APPEND", STARTUP_FLAGS);
            Map<String, String> tunedNoMigration = Map.of("JAVA_OPTS_APPEND", STARTUP_FLAGS, "QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
            List<Variant> variants = new ArrayList<>();
            variants.add(new Variant("JVM", false, copy(app, work.resolve("jvm"), false), Map.of()));
            if (Runtime.version().feature() < 25) {
                System.out.println("JVM " + Runtime.version().feature() + " < 25: no AOT cache, measuring the plain JVM only");
            } else {
                if (Files.isRegularFile(app.resolve("app.aot"))) {
                    Path aot = copy(app, work.resolve("aot"), true);
                    variants.add(new Variant("AOT", true, aot, Map.of()));
                    variants.add(new Variant("AOT+C1", true, aot, tuned));
                } else {
                    System.out.println("no app.aot in " + app + ": see the class comment to build one");
                }
                if (trained != null) {
                    Path it = copy(trained, work.resolve("aot-it"), true);
                    variants.add(new Variant("AOT(IT)", true, it, Map.of()));
                    variants.add(new Variant("AOT(IT)+C1", true, it, tuned));
                    variants.add(new Variant("AOT(IT)+C1-Flyway", true, it, tunedNoMigration));
                }
            }

            // Schema and shipped bars: once, not measured.
            Map<String, String> importing = new LinkedHashMap<>(env);
            importing.put("ZTRADE_HISTORICAL_DATA_IMPORT_ON_START", "true");
            System.out.println("preparing: migrating the schema and loading the historical data ...");
            measure(variants.get(0), backtest, importing, work);
            System.out.println("AOT: -XX:AOTCache=app.aot trained by the start-up at build time; AOT(IT): trained by the integration"
                    + " tests; +C1: JAVA_OPTS_APPEND=\"" + STARTUP_FLAGS + "\"; -Flyway: QUARKUS_FLYWAY_MIGRATE_AT_START=false"
                    + " (the schema migrated beforehand)");

            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            for (int i = 1; i <= runs; i++) {
                for (Variant v : variants) {
                    Map<String, String> variantEnv = new LinkedHashMap<>(env);
                    variantEnv.putAll(v.env());
                    Sample s = measure(v, backtest, variantEnv, work);
                    samples.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(s);
                    System.out.printf("run %d %-18s event->reply %5d ms  (replica start %5d ms [Quarkus: %5d ms], first request %4d ms;"
                            + " warm request %3d ms)%n", i, v.name(), s.eventToReplyMs(), s.startMs(), s.quarkusStartMs(),
                            s.firstRequestMs(), s.warmRequestMs());
                }
            }
            System.out.println();
            System.out.printf("%-18s  %15s  %15s  %15s  %15s  %13s%n", "median of " + runs, "event -> reply", "replica start",
                    "(Quarkus says)", "first request", "warm request");
            samples.forEach((name, list) -> System.out.printf("%-18s  %12d ms  %12d ms  %12d ms  %12d ms  %10d ms%n", name,
                    median(list.stream().mapToLong(Sample::eventToReplyMs).toArray()),
                    median(list.stream().mapToLong(Sample::startMs).toArray()),
                    median(list.stream().mapToLong(Sample::quarkusStartMs).toArray()),
                    median(list.stream().mapToLong(Sample::firstRequestMs).toArray()),
                    median(list.stream().mapToLong(Sample::warmRequestMs).toArray())));
        } finally {
            delete(work);
        }
    }

    /** One cold start: a fresh LocalServing with zero replicas, one event, its reply; then one warm request. */
    private static Sample measure(Variant v, Service backtest, Map<String, String> env, Path work) throws Exception {
        ServingConfig config = new ServingConfig(v.root(), env, null, work.resolve("logs"), Duration.ofMinutes(5));
        try (LocalServing serving = LocalServing.start(config, List.of(backtest), List.of())) {
            long t0 = System.nanoTime();
            long ready;
            long replied;
            try (Lease lease = serving.acquire("backtest", ACQUIRE_TIMEOUT)) {
                ready = System.nanoTime();
                post(lease.url());
                replied = System.nanoTime();
            }
            ServiceStatus status = serving.status().get(0);
            if (status.aotCache() != v.aotCache()) {
                throw new IllegalStateException(v.name() + ": the replica did " + (status.aotCache() ? "" : "not ") + "use the AOT cache");
            }
            long w0 = System.nanoTime();
            try (Lease lease = serving.acquire("backtest", ACQUIRE_TIMEOUT)) {
                post(lease.url());
            }
            long w1 = System.nanoTime();
            return new Sample(millis(replied - t0), status.lastColdStartMillis(), quarkusStartMillis(work.resolve("logs/backtest.log")),
                    millis(replied - ready), millis(w1 - w0));
        }
    }

    /** A backtest of AAPL's 2013 daily bars; the reply must be {@code backtest.completed}. */
    private static void post(URI replica) throws IOException, InterruptedException {
        BacktestRequest request = new BacktestRequest("sma-crossover", Map.of("fast", 10, "slow", 30), "AAPL", "1Day",
                Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2014-01-01T00:00:00Z"), new BigDecimal("10000"),
                BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("5"), null, null, null);
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/ztrade/bench"))
                .withType(EventTypes.BACKTEST_REQUESTED).withData("application/json", EventCodec.encode(request)).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(replica).timeout(Duration.ofMinutes(2));
        byte[] body = CloudEventHttp.writeBinary(event, b::header);
        HttpResponse<String> r = HTTP.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        String type = r.headers().firstValue("ce-type").orElse("");
        if (r.statusCode() != 200 || !type.equals(EventTypes.BACKTEST_COMPLETED)) {
            throw new IllegalStateException("expected " + EventTypes.BACKTEST_COMPLETED + ", got " + r.statusCode() + " " + type + ": " + r.body());
        }
    }

    /** The artifact under {@code <variantRoot>/functions/backtest/target/quarkus-app}, timestamps kept (the AOT cache checks them). */
    private static Path copy(Path app, Path variantRoot, boolean withAotCache) throws IOException {
        Path target = variantRoot.resolve("functions/backtest/target/quarkus-app");
        Files.walkFileTree(app, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(app.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (withAotCache || !file.getFileName().toString().equals("app.aot")) {
                    Files.copy(file, target.resolve(app.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return variantRoot;
    }

    /** What the replica's own log says its start took ({@code ... started in 1.234s}), the latest one; -1 if none. */
    private static long quarkusStartMillis(Path log) throws IOException {
        long last = -1;
        for (String line : Files.readAllLines(log)) {
            Matcher m = STARTED.matcher(line);
            if (m.find()) {
                last = Math.round(Double.parseDouble(m.group(1)) * 1000);
            }
        }
        return last;
    }

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("usage: [--root DIR] [--app DIR] [--trained-app DIR] [--runs N], got " + String.join(" ", args));
            }
            out.put(args[i].toLowerCase(Locale.ROOT), args[i + 1]);
        }
        return out;
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cannot delete " + dir + ": " + e.getMessage());
        }
    }
}
