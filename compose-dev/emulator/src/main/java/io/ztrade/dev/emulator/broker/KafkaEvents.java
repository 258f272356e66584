package io.ztrade.dev.emulator.broker;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes CloudEvents to Kafka with the CloudEvents Kafka protocol binding, durably: {@code acks=all},
 * idempotent, and a send completes only when the broker acknowledged it. One producer for the whole
 * emulator (thread-safe).
 */
public final class KafkaEvents implements AutoCloseable {

    /** The partition-key extension of the CloudEvents partitioning extension. */
    public static final String PARTITION_KEY = "partitionkey";

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ztrade-emulator");
        this.producer = withOwnClassLoader(() -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Appends {@code event} to {@code topic} (binary mode unless {@code structured}); the future
     * completes once the record is acknowledged by every in-sync replica.
     */
    public CompletableFuture<RecordMetadata> send(String topic, CloudEvent event, boolean structured) {
        Object pk = event.getExtension(PARTITION_KEY);
        String key = pk == null ? null : pk.toString();
        ProducerRecord<String, byte[]> record = structured
                ? KafkaMessageFactory.<String>createWriter(topic, key).writeStructured(event, JsonFormat.CONTENT_TYPE)
                : KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event);
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Creates the topics that do not exist yet (one replica each, as on a single local broker). */
    public void createTopics(Map<String, Integer> partitionsByTopic, short replicationFactor) {
        if (partitionsByTopic.isEmpty()) {
            return;
        }
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "ztrade-emulator-admin");
        try (Admin admin = withOwnClassLoader(() -> Admin.create(config))) {
            List<NewTopic> topics = new ArrayList<>();
            partitionsByTopic.forEach((t, p) -> topics.add(new NewTopic(t, p, replicationFactor)));
            admin.createTopics(topics).values().forEach((topic, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating topic " + topic, e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("topic " + topic + " not created within 30 s (is Kafka at " + bootstrapServers + " up?)", e);
                }
            });
        }
    }

    /**
     * Kafka instantiates configured classes through the context class loader; make it the one that
     * loaded the client, whatever thread (or application class loader) calls.
     */
    static <T> T withOwnClassLoader(java.util.function.Supplier<T> action) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(KafkaEvents.class.getClassLoader());
        try {
            return action.get();
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
