package io.ztrade.dev.emulator;

import io.fabric8.knative.sources.v1.SinkBinding;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.ztrade.dev.emulator.broker.BrokerKey;
import io.ztrade.dev.emulator.broker.BrokerRuntime;
import io.ztrade.dev.emulator.broker.Eventing;
import io.ztrade.dev.emulator.broker.KafkaEvents;
import io.ztrade.dev.emulator.broker.Routes;
import io.ztrade.dev.emulator.delivery.Sender;
import io.ztrade.dev.emulator.log.EventLog;
import io.ztrade.dev.emulator.manifest.Manifests;
import io.ztrade.dev.emulator.manifest.Topology;
import io.ztrade.dev.emulator.routing.CompositeServiceRouter;
import io.ztrade.dev.emulator.routing.LocalServingRouter;
import io.ztrade.dev.emulator.routing.NoServiceRouter;
import io.ztrade.dev.emulator.routing.ServiceRouter;
import io.ztrade.dev.emulator.routing.StaticServiceRouter;
import io.ztrade.dev.emulator.sources.KafkaSources;
import io.ztrade.dev.emulator.sources.PingSources;
import io.ztrade.dev.serving.LocalServing;
import io.ztrade.dev.serving.ServingConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The local platform, wired from the manifests at start: serving, brokers and their dispatchers,
 * PingSources (Quarkus scheduler) and KafkaSources; stopped in reverse order at shutdown. The
 * REST resources read it.
 */
@ApplicationScoped
public class Platform {

    private static final Logger LOG = Logger.getLogger(Platform.class);

    /** The job id prefix of PingSources in the Quarkus scheduler. */
    public static final String PING_JOB = "pingsource:";

    private final EmulatorConfig config;
    private final Scheduler scheduler;
    private final OpenTelemetry openTelemetry;

    private volatile boolean ready;
    private Path root;
    private Topology topology;
    private URI baseUrl;
    private BrokerKey sinkBroker;
    private String orderbookToken;
    private Path orderbookTokenFile;
    private ServiceRouter services;
    private KafkaEvents kafka;
    private Eventing eventing;
    private PingSources pings;
    private KafkaSources kafkaSources;

    public Platform(EmulatorConfig config, Scheduler scheduler, OpenTelemetry openTelemetry) {
        this.config = config;
        this.scheduler = scheduler;
        this.openTelemetry = openTelemetry;
    }

    /** Runs after the libraries' start-up work (schema migration, historical data import). */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        Config cfg = ConfigProvider.getConfig();
        root = config.root().toAbsolutePath().normalize();
        List<Path> dirs = config.manifests().stream().map(d -> root.resolve(d).normalize()).toList();
        topology = Manifests.load(dirs);
        Map<BrokerKey, BrokerRuntime> brokers = Routes.compile(topology, config.eventing().defaultTimeout(),
                config.eventing().topicPartitions());
        baseUrl = URI.create("http://localhost:" + httpPort(cfg));
        sinkBroker = sinkBindingBroker().filter(brokers::containsKey)
                .or(() -> brokers.keySet().stream().filter(k -> k.name().equals("default")).findFirst())
                .or(() -> brokers.keySet().stream().findFirst()).orElse(null);
        orderbookToken = config.orderbook().token().filter(t -> !t.isBlank()).orElseGet(Platform::newToken);
        orderbookTokenFile = writeSecret(root.resolve(".ztrade/orderbook-token"), orderbookToken);

        services = router(cfg);
        String bootstrap = cfg.getValue("kafka.bootstrap.servers", String.class);
        kafka = new KafkaEvents(bootstrap);
        eventing = new Eventing(brokers, kafka, new EventLog(config.eventing().logCapacity()), new Eventing.Settings(
                config.eventing().maxHops(), config.eventing().maxInFlight(), config.eventing().drain(),
                config.eventing().replicationFactor()), openTelemetry.getTracer("io.ztrade.dev.emulator.broker"));
        Sender sender = new Sender(services, (broker, e, via) -> eventing.append(broker, e, via, null), kafka,
                config.eventing().activationTimeout());
        pings = new PingSources(topology, eventing);
        kafkaSources = new KafkaSources(topology, eventing, config.eventing().defaultTimeout());
        Map<String, Integer> extraTopics = new LinkedHashMap<>();
        topology.kafkaSinks().forEach(s -> {
            if (s.getSpec() != null && s.getSpec().getTopic() != null) {
                extraTopics.put(s.getSpec().getTopic(), s.getSpec().getNumPartitions() == null ? 1 : s.getSpec().getNumPartitions());
            }
        });
        kafkaSources.topics().forEach(t -> extraTopics.putIfAbsent(t, config.eventing().topicPartitions()));
        eventing.start(sender, extraTopics);
        kafkaSources.start(bootstrap);
        for (PingSources.Ping ping : pings.all()) {
            var job = scheduler.newJob(PING_JOB + ping.id())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> eventing.workers().execute(() -> {
                        try {
                            pings.fire(ping);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            if (ping.schedule().cron() != null) {
                job.setCron(ping.schedule().cron());
            } else {
                job.setInterval(ping.schedule().interval());
            }
            if (ping.schedule().zone() != null) {
                job.setTimeZone(ping.schedule().zone());
            }
            job.schedule();
        }
        ready = true;
        banner(cfg);
    }

    /** The Broker a SinkBinding for Knative Services points at: what {@code K_SINK} names in the cluster. */
    private Optional<BrokerKey> sinkBindingBroker() {
        for (SinkBinding b : topology.all(SinkBinding.class)) {
            var spec = b.getSpec();
            if (spec == null || spec.getSink() == null || spec.getSink().getRef() == null || spec.getSubject() == null
                    || !"Service".equals(spec.getSubject().getKind())) {
                continue;
            }
            var ref = spec.getSink().getRef();
            if ("Broker".equals(ref.getKind())) {
                return Optional.of(new BrokerKey(ref.getNamespace() == null ? b.getMetadata().getNamespace() : ref.getNamespace(),
                        ref.getName()));
            }
        }
        return Optional.empty();
    }

    private ServiceRouter router(Config cfg) {
        Map<String, URI> fixed = new LinkedHashMap<>();
        config.services().forEach((name, s) -> fixed.put(name, s.url()));
        ServiceRouter local = new NoServiceRouter();
        List<io.fabric8.knative.serving.v1.Service> knative = topology.knativeServices().stream()
                .filter(s -> !fixed.containsKey(s.getMetadata().getName())).toList();
        List<io.fabric8.kubernetes.api.model.apps.Deployment> deployments = topology.deployments().stream()
                .filter(d -> !fixed.containsKey(d.getMetadata().getName())).toList();
        if (config.serving().enabled() && (!knative.isEmpty() || !deployments.isEmpty())) {
            Map<String, String> env = new LinkedHashMap<>();
            cfg.getOptionalValue("quarkus.datasource.jdbc.url", String.class).ifPresent(v -> env.put("ZTRADE_DB_URL", v));
            cfg.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(v -> env.put("ZTRADE_DB_USER", v));
            cfg.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(v -> env.put("ZTRADE_DB_PASSWORD", v));
            cfg.getOptionalValue("kafka.bootstrap.servers", String.class).ifPresent(v -> {
                env.put("KAFKA_BOOTSTRAP_SERVERS", v);
                env.put("ZTRADE_KAFKA_BOOTSTRAP_SERVERS", v);
            });
            cfg.getOptionalValue("ztrade.redis.hosts", String.class).ifPresent(v -> {
                env.put("QUARKUS_REDIS_HOSTS", v);
                env.put("ZTRADE_REDIS_HOSTS", v);
            });
            // tracing as the platform's own: a collector and ratio set for the platform hold for its replicas too
            cfg.getOptionalValue("quarkus.otel.traces.sampler.arg", String.class)
                    .ifPresent(v -> env.put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", v));
            cfg.getOptionalValue("quarkus.otel.exporter.otlp.endpoint", String.class)
                    .ifPresent(v -> env.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", v));
            env.put("ZTRADE_ORDERBOOK_TOKEN", orderbookToken);
            // the trading loop imports agents/<id>/context.yaml at start and starts the market makers (liquidity)
            env.put("ZTRADE_AGENTS_DIR", root.resolve("agents").toString());
            env.put("ZTRADE_START_MARKET_MAKERS", "true");
            if (cfg.getOptionalValue("ztrade.orderbook.centre-bands", Boolean.class).orElse(true)) {
                String bands = LocalInstrumentBands.jvmOptions(LocalInstrumentBands.fromDatabase(
                        io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class).get()));
                String own = System.getenv("JAVA_OPTS_APPEND");
                if (!bands.isEmpty()) {
                    env.put("JAVA_OPTS_APPEND", own == null || own.isBlank() ? bands : own + " " + bands);
                }
            }
            if (System.getenv("ALPACA_API_KEY_ID") == null) {
                // no provider keys: the sentiment fetcher reads the emulator's fixtures (api/FixturesResource)
                String fixtures = baseUrl.resolve("/fixtures").toString();
                env.put("ZTRADE_NEWS_URL", fixtures);
                env.put("ZTRADE_REDDIT_URL", fixtures);
                env.put("ZTRADE_SEC_URL", fixtures);
            }
            URI sink = sinkBroker == null ? null : baseUrl.resolve(sinkBroker.path());
            Path logDir = config.serving().logDir().map(root::resolve).orElse(root.resolve(".ztrade/logs"));
            Set<String> dev = new TreeSet<>(config.serving().dev().orElse(List.of()));
            Set<String> names = knative.stream().map(s -> s.getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new));
            for (String d : dev) {
                if (!names.contains(d)) {
                    throw new IllegalArgumentException("ztrade.serving.dev (--dev): no Knative Service '" + d
                            + "' in the manifests; there are " + String.join(", ", names));
                }
            }
            local = new LocalServingRouter(LocalServing.start(new ServingConfig(root, env, sink, logDir, config.serving().retention(),
                    dev), knative, deployments));
        }
        return fixed.isEmpty() ? local : new CompositeServiceRouter(new StaticServiceRouter(fixed), local);
    }

    private static int httpPort(Config cfg) {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String actual = System.getProperty(key);
        if (actual != null) {
            return Integer.parseInt(actual);
        }
        return cfg.getOptionalValue(key, Integer.class).orElse(8080);
    }

    /**
     * Writes a secret to a file only its owner can read, so that it never has to be printed: the
     * banner, the logs and {@code /api} name the file, never the value.
     */
    private static Path writeSecret(Path file, String value) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, value + System.lineSeparator());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void banner(Config cfg) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Ztrade is up.");
        eventing.brokers().keySet().forEach(k -> lines.add(String.format("  broker          %s", baseUrl.resolve(k.path()))));
        lines.add(String.format("  status page     %s/", baseUrl));
        lines.add(String.format("  JSON API        %s/api/events", baseUrl));
        lines.add(String.format("  orderbook API   %s", orderbookUrl().map(URI::toString).orElse("(not running)")));
        lines.add(String.format("  orderbook token in %s (owner-only file)", orderbookTokenFile));
        cfg.getOptionalValue("kafka.bootstrap.servers", String.class).ifPresent(v -> lines.add("  kafka           " + v));
        cfg.getOptionalValue("quarkus.datasource.jdbc.url", String.class).ifPresent(v -> lines.add("  postgresql      " + v));
        lines.add(String.format("  manifests       %d resources from %s", topology.manifests().size(), config.manifests()));
        lines.add("Ctrl-C stops everything.");
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            lines.forEach(l -> System.out.println("[ztrade] " + l));
        } else {
            LOG.info(String.join(System.lineSeparator(), lines));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        ready = false;
        if (pings != null) {
            pings.all().forEach(p -> scheduler.unscheduleJob(PING_JOB + p.id()));
        }
        close(kafkaSources);
        close(eventing);
        close(kafka);
        close(services);
    }

    private static void close(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warnf("while stopping %s: %s", c.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** True once everything started (the ingress answers 503 before). */
    public boolean ready() {
        return ready;
    }

    public Topology topology() {
        return topology;
    }

    public Eventing eventing() {
        return eventing;
    }

    public ServiceRouter services() {
        return services;
    }

    public PingSources pings() {
        return pings;
    }

    public KafkaSources kafkaSources() {
        return kafkaSources;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** {@code http://localhost:PORT}: the ingress, the status page and the API. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The broker the functions' {@code K_SINK} points at. */
    public Optional<BrokerKey> sinkBroker() {
        return Optional.ofNullable(sinkBroker);
    }

    public String orderbookToken() {
        return orderbookToken;
    }

    /** The owner-only file that holds {@link #orderbookToken()}. */
    public Path orderbookTokenFile() {
        return orderbookTokenFile;
    }

    public Optional<URI> orderbookUrl() {
        return services == null ? Optional.empty() : services.urlOf(config.orderbook().name());
    }
}
