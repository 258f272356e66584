package io.ztrade.bench.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.ztrade.dev.serving.Lease;
import io.ztrade.dev.serving.LocalServing;
import io.ztrade.dev.serving.ServiceStatus;
import io.ztrade.dev.serving.ServingConfig;
import io.ztrade.dev.serving.ServingManifests;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventTypes;
import io.ztrade.events.http.CloudEventHttp;
import io.ztrade.events.payload.BacktestRequest;
import io.ztrade.events.payload.MarketDataFetchRequested;
import io.ztrade.events.payload.SentimentFetchRequested;
import io.ztrade.events.payload.TradingTick;
import io.ztrade.infra.EmbeddedKafka;
import io.ztrade.infra.EmbeddedPostgres;
import io.ztrade.infra.EmbeddedRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start and memory of every function as a Knative Service run by {@code LocalServing}: one
 * event in, its reply out, with zero replicas at the start, for the real artifacts of
 * functions/backtest, market-data, sentiment and trading-loop, read from {@code knative/functions}
 * and run against embedded PostgreSQL 17, Redis and Kafka (the sentiment sources and {@code K_SINK}
 * are a stub HTTP server in this process). Median of {@code --runs} (5) each, variants interleaved:
 * <ul>
 *   <li>{@code JVM}: the manifest with its {@code GC_CONTAINER_OPTIONS} and {@code JAVA_OPTS_APPEND}
 *       removed (the JVM's defaults on this machine: G1, a quarter of the RAM as heap, tiered
 *       compilation);</li>
 *   <li>{@code JVM+bounds}: the manifest as shipped (the collector, the JIT, heap, metaspace, code
 *       cache and thread stack bounds chosen for the function; ADR 0021), or {@code --gc "<flags>"}
 *       and {@code --bounds "<flags>"} to try others;</li>
 *   <li>{@code AOT} and {@code AOT+bounds}: the same with the JDK AOT cache of the artifact
 *       ({@code app.aot}, JDK 25+) when it has one.</li>
 * </ul>
 *
 * <p>Columns: event -> reply (the request arrives, as Knative's activator holds it, to the reply's
 * last byte); the replica's start (process start to ready); what Quarkus says its start took; the
 * first request; the median of {@value #WARM_REQUESTS} warm requests on the same replica; and the
 * replica's resident memory {@value #IDLE_SETTLE_MILLIS} ms after them ({@code /proc/<pid>/status}:
 * {@code VmRSS}, of which {@code RssAnon} is the process's own and {@code RssFile} mapped files,
 * the jars and the AOT cache, which the page cache shares between replicas of one image).
 * {@code --nmt true} also prints the JVM's native memory summary of each bounded replica
 * ({@code -XX:NativeMemoryTracking=summary}, {@code jcmd VM.native_memory}).
 *
 * <pre>
 * ./mvnw -pl functions/backtest,functions/market-data,functions/sentiment,functions/trading-loop -am package -DskipTests
 * ./mvnw -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.ztrade.bench.serving.ColdStartBenchmark \
 *     [--root .] [--functions backtest,market-data,sentiment,trading-loop] [--runs 5] [--gc "..."] [--bounds "..."] [--nmt false]
 * </pre>
 * {@code -Dbench.logs=DIR} keeps the replicas' logs (one file per function, every replica appends).
 * The AOT variants need the artifacts packaged with a cache: {@code ./ztrade up} builds them so on
 * JDK 25 (trained by the integration tests), or add
 * {@code -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=AOT -Dquarkus.package.jar.aot.phase=BUILD}.
 * It prints numbers; it asserts nothing.
 */
public final class ColdStartBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration ACQUIRE_TIMEOUT = Duration.ofMinutes(3);
    static final int WARM_REQUESTS = 20;
    static final long IDLE_SETTLE_MILLIS = 3000;
    private static final String JVM_OPTIONS = "JAVA_OPTS_APPEND";
    private static final String GC_OPTIONS = "GC_CONTAINER_OPTIONS";
    private static final List<String> ALL = List.of("backtest", "market-data", "sentiment", "trading-loop");

    /** One function: its Knative Service, the event that makes it work, and the reply type it answers with ({@code null}: any 2xx). */
    private record Function(String name, Supplier<CloudEvent> request, String replyType) {}

    private record Variant(String name, boolean aot, boolean bounded) {}

    /** Resident memory in KiB ({@code VmRSS}, {@code RssAnon}, {@code RssFile}); -1 where unknown. */
    record Rss(long totalKib, long anonKib, long fileKib) {
        static final Rss UNKNOWN = new Rss(-1, -1, -1);
    }

    private record Sample(long eventToReplyMs, long startMs, long quarkusStartMs, long firstRequestMs, long warmRequestMs, Rss idle) {}

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        int runs = Integer.parseInt(options.getOrDefault("--runs", "5"));
        boolean nmt = Boolean.parseBoolean(options.getOrDefault("--nmt", "false"));
        List<String> names = List.of(options.getOrDefault("--functions", String.join(",", ALL)).split(","));
        for (String n : names) {
            if (!ALL.contains(n)) {
                throw new IllegalArgumentException("--functions: no function '" + n + "'; there are " + ALL);
            }
        }
        Map<String, Service> manifests = new LinkedHashMap<>();
        ServingManifests.read(root.resolve("knative")).services().forEach(s -> manifests.put(s.getMetadata().getName(), s));

        System.out.printf("JVM %s (%s); %d cores; %s%n", Runtime.version(), System.getProperty("java.vendor"),
                Runtime.getRuntime().availableProcessors(), root);
        Path work = Files.createTempDirectory("ztrade-coldstart");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
                EmbeddedRedis redis = EmbeddedRedis.start();
                EmbeddedKafka kafka = names.contains("trading-loop") ? EmbeddedKafka.start() : null;
                Stub stub = Stub.start()) {
            postgres.createDatabase("ztrade");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("ZTRADE_DB_URL", postgres.jdbcUrl("ztrade"));
            env.put("ZTRADE_DB_USER", postgres.username());
            env.put("ZTRADE_DB_PASSWORD", postgres.password());
            env.put("ZTRADE_REDIS_HOSTS", redis.uri());
            env.put("ZTRADE_NEWS_URL", stub.url());
            env.put("ZTRADE_REDDIT_URL", stub.url());
            env.put("ZTRADE_SEC_URL", stub.url());
            env.put("ZTRADE_AGENTS_DIR", root.resolve("agents").toString());
            if (kafka != null) {
                kafka.createTopic("ztrade.orders", 3);
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            }
            URI sink = URI.create(stub.url() + "/sink");

            List<Function> functions = names.stream().map(ColdStartBenchmark::function).toList();
            Map<String, Path> apps = new LinkedHashMap<>();
            for (Function f : functions) {
                Path app = root.resolve("functions/" + f.name() + "/target/quarkus-app");
                if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
                    throw new IllegalStateException(app + "/quarkus-run.jar is missing: ./mvnw -pl functions/" + f.name()
                            + " -am package -DskipTests");
                }
                if (!manifests.containsKey(f.name())) {
                    throw new IllegalStateException("no Knative Service '" + f.name() + "' in " + root.resolve("knative"));
                }
                apps.put(f.name(), app);
            }
            // Schema and shipped bars: once, not measured.
            System.out.println("preparing: migrating the schema and loading the historical data ...");
            Map<String, String> importing = new LinkedHashMap<>(env);
            importing.put("ZTRADE_HISTORICAL_DATA_IMPORT_ON_START", "true");
            Path prepared = copy(apps.get(functions.get(0).name()), work.resolve("prepare"), functions.get(0).name(), false);
            measure(functions.get(0), manifests.get(functions.get(0).name()), prepared, importing, sink, work, false);

            for (Function f : functions) {
                Service manifest = manifests.get(f.name());
                String gc = options.getOrDefault("--gc", literal(manifest, GC_OPTIONS).orElse(""));
                String bounds = options.getOrDefault("--bounds", literal(manifest, JVM_OPTIONS).orElse(""));
                Path app = apps.get(f.name());
                boolean hasCache = Files.isRegularFile(app.resolve("app.aot"));
                List<Variant> variants = new ArrayList<>(List.of(new Variant("JVM", false, false), new Variant("JVM+bounds", false, true)));
                if (hasCache && Runtime.version().feature() >= 25) {
                    variants.add(new Variant("AOT", true, false));
                    variants.add(new Variant("AOT+bounds", true, true));
                }
                Path plain = copy(app, work.resolve("jvm-" + f.name()), f.name(), false);
                Path cached = hasCache ? copy(app, work.resolve("aot-" + f.name()), f.name(), true) : null;
                System.out.printf("%n== %s (%s); bounds: %s=\"%s\" %s=\"%s\"%n", f.name(),
                        hasCache ? "with an AOT cache" : "no AOT cache in the artifact", GC_OPTIONS, gc, JVM_OPTIONS, bounds);
                Map<String, List<Sample>> samples = new LinkedHashMap<>();
                for (int i = 1; i <= runs; i++) {
                    for (Variant v : variants) {
                        Service s = v.bounded() ? withJvmOptions(manifest, gc, bounds + (nmt ? " -XX:NativeMemoryTracking=summary" : ""))
                                : withJvmOptions(manifest, "", "");
                        Sample sample = measure(f, s, v.aot() ? cached : plain, env, sink, work, nmt && v.bounded() && i == runs);
                        samples.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(sample);
                        System.out.printf("run %d %-11s event->reply %5d ms  (replica start %5d ms [Quarkus: %5d ms], first request %4d ms;"
                                + " warm %3d ms; idle RSS %4d MiB = anon %4d + file %4d)%n", i, v.name(), sample.eventToReplyMs(),
                                sample.startMs(), sample.quarkusStartMs(), sample.firstRequestMs(), sample.warmRequestMs(),
                                mib(sample.idle().totalKib()), mib(sample.idle().anonKib()), mib(sample.idle().fileKib()));
                    }
                }
                System.out.printf("%n%-26s %14s %14s %14s %14s %10s %22s%n", f.name() + ", median of " + runs, "event -> reply",
                        "replica start", "Quarkus says", "first request", "warm", "idle RSS (anon+file)");
                samples.forEach((name, list) -> System.out.printf("%-26s %11d ms %11d ms %11d ms %11d ms %7d ms %8d MiB (%d+%d)%n", name,
                        median(list, Sample::eventToReplyMs), median(list, Sample::startMs), median(list, Sample::quarkusStartMs),
                        median(list, Sample::firstRequestMs), median(list, Sample::warmRequestMs),
                        mib(median(list, s -> s.idle().totalKib())), mib(median(list, s -> s.idle().anonKib())),
                        mib(median(list, s -> s.idle().fileKib()))));
            }
        } finally {
            delete(work);
        }
    }

    private static Function function(String name) {
        return switch (name) {
            case "backtest" -> new Function(name, () -> event(EventTypes.BACKTEST_REQUESTED, new BacktestRequest("sma-crossover",
                    Map.of("fast", 10, "slow", 30), "AAPL", "1Day", Instant.parse("2013-01-01T00:00:00Z"),
                    Instant.parse("2014-01-01T00:00:00Z"), new BigDecimal("10000"), BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("5"),
                    null, null, null)), EventTypes.BACKTEST_COMPLETED);
            // the replay provider (no Alpaca keys): bars of the shipped data at the replay clock
            case "market-data" -> new Function(name, () -> event(EventTypes.MARKETDATA_FETCH_REQUESTED,
                    new MarketDataFetchRequested(List.of("AAPL", "BTC-USD"), "5Min")), EventTypes.MARKETDATA_UPDATED);
            case "sentiment" -> new Function(name, () -> event(EventTypes.SENTIMENT_FETCH_REQUESTED,
                    new SentimentFetchRequested(List.of("AAPL"))), EventTypes.SENTIMENT_SCORED);
            // every running agent of agents/ (imported at start), as the PingSource's tick does; no reply event
            case "trading-loop" -> new Function(name, () -> event(EventTypes.TRADING_TICK, new TradingTick(List.of())), null);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static CloudEvent event(String type, Object data) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/ztrade/bench"))
                .withType(type).withTime(java.time.OffsetDateTime.now(ZoneOffset.UTC))
                .withData("application/json", EventCodec.encode(data)).build();
    }

    /**
     * One cold start: a fresh LocalServing with zero replicas, one event, its reply; then warm
     * requests on the same replica, a pause, and its resident memory.
     */
    private static Sample measure(Function f, Service service, Path variantRoot, Map<String, String> env, URI sink, Path work,
            boolean printNmt) throws Exception {
        ServingConfig config = new ServingConfig(variantRoot, env, sink, logs(work), Duration.ofMinutes(5));
        try (LocalServing serving = LocalServing.start(config, List.of(service), List.of())) {
            long t0 = System.nanoTime();
            long ready;
            long replied;
            try (Lease lease = serving.acquire(f.name(), ACQUIRE_TIMEOUT)) {
                ready = System.nanoTime();
                post(f, lease.url());
                replied = System.nanoTime();
            }
            ServiceStatus status = serving.status().get(0);
            long[] warm = new long[WARM_REQUESTS];
            for (int i = 0; i < warm.length; i++) {
                long w0 = System.nanoTime();
                try (Lease lease = serving.acquire(f.name(), ACQUIRE_TIMEOUT)) {
                    post(f, lease.url());
                }
                warm[i] = System.nanoTime() - w0;
            }
            Thread.sleep(IDLE_SETTLE_MILLIS);
            Optional<ProcessHandle> replica = replicaProcess(variantRoot);
            Rss idle = replica.map(p -> rss(p.pid())).orElse(Rss.UNKNOWN);
            if (printNmt && replica.isPresent()) {
                printNativeMemory(f.name(), replica.get().pid());
            }
            Arrays.sort(warm);
            return new Sample(millis(replied - t0), status.lastColdStartMillis(), quarkusStartMillis(logs(work).resolve(f.name() + ".log")),
                    millis(replied - ready), millis(warm[warm.length / 2]), idle);
        }
    }

    /** The replicas' logs: {@code -Dbench.logs=DIR} keeps them there, else they go with the work directory. */
    private static Path logs(Path work) {
        String kept = System.getProperty("bench.logs");
        return kept == null ? work.resolve("logs") : Path.of(kept).toAbsolutePath();
    }

    private static void post(Function f, URI replica) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(replica).timeout(Duration.ofMinutes(2));
        byte[] body = CloudEventHttp.writeBinary(f.request().get(), b::header);
        HttpResponse<String> r = HTTP.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        String type = r.headers().firstValue("ce-type").orElse("");
        boolean ok = f.replyType() == null ? r.statusCode() / 100 == 2 : r.statusCode() == 200 && type.equals(f.replyType());
        if (!ok) {
            throw new IllegalStateException(f.name() + ": expected " + (f.replyType() == null ? "a 2xx" : f.replyType()) + ", got "
                    + r.statusCode() + " " + type + ": " + r.body());
        }
    }

    /** The literal value of {@code name} in the manifest's first container, if any. */
    static Optional<String> literal(Service s, String name) {
        return s.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> name.equals(e.getName()) && e.getValueFrom() == null).map(EnvVar::getValue).findFirst();
    }

    /**
     * A copy of the manifest whose container has these {@code GC_CONTAINER_OPTIONS} and
     * {@code JAVA_OPTS_APPEND} (each removed when blank: the JVM's own defaults).
     */
    static Service withJvmOptions(Service s, String gc, String flags) {
        Service copy = new ServiceBuilder(s).build();
        Container c = copy.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<EnvVar> env = new ArrayList<>(c.getEnv().stream()
                .filter(e -> !JVM_OPTIONS.equals(e.getName()) && !GC_OPTIONS.equals(e.getName())).toList());
        if (!gc.isBlank()) {
            env.add(new EnvVar(GC_OPTIONS, gc.strip(), null));
        }
        if (!flags.isBlank()) {
            env.add(new EnvVar(JVM_OPTIONS, flags.strip(), null));
        }
        c.setEnv(env);
        return copy;
    }

    /** The replica LocalServing started from this variant's artifact: a child of this JVM running its {@code quarkus-run.jar}. */
    private static Optional<ProcessHandle> replicaProcess(Path variantRoot) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(variantRoot.toString()) && c.contains("quarkus-run.jar")).orElse(false))
                .filter(ProcessHandle::isAlive).findFirst();
    }

    static Rss rss(long pid) {
        try {
            long total = -1;
            long anon = -1;
            long file = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                String[] parts = line.split("\\s+");
                switch (parts[0]) {
                    case "VmRSS:" -> total = Long.parseLong(parts[1]);
                    case "RssAnon:" -> anon = Long.parseLong(parts[1]);
                    case "RssFile:" -> file = Long.parseLong(parts[1]);
                    default -> { }
                }
            }
            return new Rss(total, anon, file);
        } catch (IOException | RuntimeException e) {
            return Rss.UNKNOWN;
        }
    }

    private static void printNativeMemory(String name, long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary", "scale=MB")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        System.out.println("-- native memory of " + name + " (bounded, idle):");
        for (String line : out.split("\n")) {
            // the totals and the first line of each category
            if (line.startsWith("Total") || line.matches("^-\\s+\\S.*\\(reserved=.*")) {
                System.out.println("   " + line.strip());
            }
        }
    }

    /**
     * The sentiment fetcher's three sources in their real shapes (one fresh item each) and an event
     * sink that takes everything ({@code /sink}, 202), on one JDK HTTP server.
     */
    private record Stub(HttpServer server) implements AutoCloseable {

        static Stub start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", Stub::handle);
            server.start();
            return new Stub(server);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private static void handle(HttpExchange x) throws IOException {
            x.getRequestBody().readAllBytes();
            String path = x.getRequestURI().getPath();
            Instant now = Instant.now();
            String created = now.minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
            String body;
            int status = 200;
            if (path.startsWith("/sink")) {
                body = "";
                status = 202;
            } else if (path.contains("/v1beta1/news")) {
                body = "{\"news\":[{\"id\":%d,\"headline\":\"AAPL beats estimates as sales surge\",\"author\":\"Bench\",\"created_at\":\"%s\","
                        .formatted(now.getEpochSecond(), created)
                        + "\"updated_at\":\"%s\",\"summary\":\"\",\"content\":\"\",\"url\":\"http://localhost/n\",\"symbols\":[\"AAPL\"],"
                        .formatted(created) + "\"source\":\"bench\"}],\"next_page_token\":null}";
            } else if (path.startsWith("/r/")) {
                body = "{\"kind\":\"Listing\",\"data\":{\"children\":[{\"kind\":\"t3\",\"data\":{\"id\":\"b%d\",\"title\":\"$AAPL looks great\","
                        .formatted(now.toEpochMilli()) + "\"selftext\":\"\",\"created_utc\":%d.0,\"permalink\":\"/r/stocks/comments/b/\"}}]}}"
                        .formatted(now.minus(10, ChronoUnit.MINUTES).getEpochSecond());
            } else if (path.startsWith("/submissions/")) {
                body = "{\"cik\":\"320193\",\"filings\":{\"recent\":{\"accessionNumber\":[\"0000000000-26-000001\"],\"form\":[\"8-K\"],"
                        + "\"filingDate\":[\"%s\"],\"primaryDocDescription\":[\"results of operations\"]}}}"
                        .formatted(LocalDate.now(ZoneOffset.UTC));
            } else {
                body = "{}";
                status = 404;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                x.getResponseBody().write(bytes);
            }
            x.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** The artifact under {@code <variantRoot>/functions/<name>/target/quarkus-app}, timestamps kept (the AOT cache checks them). */
    private static Path copy(Path app, Path variantRoot, String name, boolean withAotCache) throws IOException {
        Path target = variantRoot.resolve("functions/" + name + "/target/quarkus-app");
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

    private static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> field) {
        long[] sorted = samples.stream().mapToLong(field).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static long mib(long kib) {
        return kib < 0 ? -1 : Math.round(kib / 1024.0);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("usage: [--root DIR] [--functions a,b] [--runs N] [--gc FLAGS] [--bounds FLAGS] [--nmt BOOL], got "
                        + String.join(" ", args));
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
