package io.ztrade.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Kafka, PostgreSQL and Redis together, started in parallel: the embedded default of the local
 * platform. {@link #quarkusConfig()} gives the keys a Quarkus application needs to use them.
 *
 * <p>Every server closes itself from a JVM shutdown hook if {@link #close()} is never called, so
 * no {@code postgres} or {@code redis-server} process outlives the JVM.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    /** The database created at start and named in {@link #quarkusConfig()}. */
    public static final String DATABASE = "ztrade";

    private final EmbeddedKafka kafka;
    private final EmbeddedPostgres postgres;
    private final EmbeddedRedis redis;

    private EmbeddedInfrastructure(EmbeddedKafka kafka, EmbeddedPostgres postgres, EmbeddedRedis redis) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.redis = redis;
    }

    /** Starts all three with temporary data, deleted by {@link #close()}. */
    public static EmbeddedInfrastructure start() {
        return start(EmbeddedKafka::start, EmbeddedPostgres::start);
    }

    /**
     * Starts all three with durable data under {@code dataDirectory}: Kafka in {@code kafka/},
     * PostgreSQL in {@code postgres/}. Redis holds a cache and starts empty every time.
     */
    public static EmbeddedInfrastructure start(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path dir = dataDirectory.toAbsolutePath();
        return start(() -> EmbeddedKafka.start(dir.resolve("kafka")), () -> EmbeddedPostgres.start(dir.resolve("postgres")));
    }

    private static EmbeddedInfrastructure start(Supplier<EmbeddedKafka> kafkaStarter, Supplier<EmbeddedPostgres> postgresStarter) {
        ExecutorService starters = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "ztrade-infra-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<EmbeddedKafka> kafka = CompletableFuture.supplyAsync(kafkaStarter, starters);
            CompletableFuture<EmbeddedPostgres> postgres = CompletableFuture.supplyAsync(() -> {
                EmbeddedPostgres server = postgresStarter.get();
                try {
                    server.createDatabase(DATABASE);
                    return server;
                } catch (RuntimeException e) {
                    server.close();
                    throw e;
                }
            }, starters);
            CompletableFuture<EmbeddedRedis> redis = CompletableFuture.supplyAsync(EmbeddedRedis::start, starters);
            try {
                CompletableFuture.allOf(kafka, postgres, redis).join();
            } catch (CompletionException e) {
                // Wait for the others, then close whatever did start.
                List<AutoCloseable> started = new ArrayList<>();
                for (CompletableFuture<? extends AutoCloseable> f : List.of(kafka, postgres, redis)) {
                    try {
                        started.add(f.join());
                    } catch (CompletionException ignored) {
                        // This one failed; its error is reported below.
                    }
                }
                started.forEach(EmbeddedInfrastructure::closeQuietly);
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException("cannot start the embedded infrastructure: " + cause.getMessage(), cause);
            }
            return new EmbeddedInfrastructure(kafka.join(), postgres.join(), redis.join());
        } finally {
            starters.shutdown();
        }
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    public EmbeddedRedis redis() {
        return redis;
    }

    /**
     * {@code kafka.bootstrap.servers}, {@code quarkus.datasource.jdbc.url} (database
     * {@value #DATABASE}), {@code quarkus.datasource.username}, {@code quarkus.datasource.password}
     * and {@code quarkus.redis.hosts}.
     */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("quarkus.redis.hosts", redis.uri());
        return Collections.unmodifiableMap(config);
    }

    /** Stops all three; temporary data is deleted. Idempotent. */
    @Override
    public void close() {
        closeQuietly(redis);
        closeQuietly(postgres);
        closeQuietly(kafka);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedInfrastructure[" + kafka + ", " + postgres + ", " + redis + "]";
    }
}
