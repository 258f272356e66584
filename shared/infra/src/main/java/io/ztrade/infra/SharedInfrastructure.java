package io.ztrade.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Kafka, one PostgreSQL and one Redis per JVM, each started on first use and stopped by its
 * JVM shutdown hook: what {@link KafkaResource}, {@link PostgresResource} and {@link RedisResource}
 * hand to every Quarkus application of a test run, so that a module with many {@code @QuarkusTest}
 * classes and profiles starts each server once.
 *
 * <p>The test resources call this class through the system class loader (see {@link JvmShared}):
 * Quarkus loads them once per application, in a class loader it closes when the application
 * stops, and a broker living in such a loader would outlive it. Hence only JDK types cross this
 * API.
 */
public final class SharedInfrastructure {

    private static EmbeddedKafka kafka;
    private static EmbeddedPostgres postgres;
    private static EmbeddedRedis redis;

    private SharedInfrastructure() {
    }

    /**
     * Starts the JVM's broker unless it runs, creates {@code topics} ({@code name} or
     * {@code name:partitions}, one partition by default) and returns {@code kafka.bootstrap.servers}.
     */
    public static synchronized Map<String, String> kafka(List<String> topics) {
        if (kafka == null) {
            kafka = EmbeddedKafka.start();
        }
        for (String topic : topics) {
            int colon = topic.lastIndexOf(':');
            if (colon < 0) {
                kafka.createTopic(topic, 1);
            } else {
                kafka.createTopic(topic.substring(0, colon), partitions(topic.substring(colon + 1), topic));
            }
        }
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    private static int partitions(String count, String topic) {
        try {
            return Integer.parseInt(count);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("topic '" + topic + "': expected name or name:partitions", e);
        }
    }

    /**
     * Starts the JVM's PostgreSQL unless it runs, creates {@code database} unless it exists and
     * returns the {@code quarkus.datasource.*} keys for it.
     */
    public static synchronized Map<String, String> postgres(String database) {
        if (postgres == null) {
            postgres = EmbeddedPostgres.start();
        }
        postgres.createDatabase(database);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.db-kind", "postgresql");
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        return config;
    }

    /** Starts the JVM's Redis unless it runs and returns {@code quarkus.redis.hosts}. */
    public static synchronized Map<String, String> redis() {
        if (redis == null) {
            redis = EmbeddedRedis.start();
        }
        return Map.of("quarkus.redis.hosts", redis.uri());
    }
}
