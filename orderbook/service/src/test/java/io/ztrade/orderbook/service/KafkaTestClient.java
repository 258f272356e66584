package io.ztrade.orderbook.service;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.service.kafka.CommandRecords;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes commands to and reads events from the test broker, as any Kafka client of the service would. */
public final class KafkaTestClient implements AutoCloseable {

    /** {@code source} of the commands tests send. */
    public static final URI SOURCE = URI.create("/ztrade/tests");

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    /** Sends one command (binary-mode CloudEvent, key = symbol) and waits for the broker's ack. */
    public RecordMetadata send(String topic, OrderRequest request, String id) {
        return sendRaw(CommandRecords.encode(topic, null, id, SOURCE, request, System.currentTimeMillis()));
    }

    /** Sends a raw record and waits for the ack. */
    public RecordMetadata sendRaw(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Sends many commands in order with ids {@code prefix-i} and record timestamps {@code t0 + i}
     * (fixed timestamps make two runs of one stream publish identical events), then waits for all acks.
     */
    public void sendAll(String topic, List<OrderRequest> requests, String prefix, long t0, int from, int to) {
        for (int i = from; i < to; i++) {
            producer.send(CommandRecords.encode(topic, null, prefix + "-" + i, SOURCE, requests.get(i), t0 + i));
        }
        producer.flush();
    }

    /** Every record now in the topic, by partition then offset; each offset exactly once. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> parts = partitions(consumer, topic);
            consumer.assign(parts);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            Map<TopicPartition, java.util.TreeMap<Long, ConsumerRecord<String, byte[]>>> read = new HashMap<>();
            parts.forEach(tp -> {
                consumer.seek(tp, begin.get(tp));
                read.put(tp, new java.util.TreeMap<>());
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> read.get(tp).size() < end.get(tp) - begin.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " from " + begin + " to " + end);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < end.get(tp)) {
                        read.get(tp).put(r.offset(), r);
                    }
                }
            }
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            parts.stream().sorted(Comparator.comparingInt(TopicPartition::partition))
                    .forEach(tp -> out.addAll(read.get(tp).values()));
            return out;
        }
    }

    /** Every event now in the topic, by partition then offset. */
    public List<CloudEvent> events(String topic) {
        return records(topic).stream().map(r -> KafkaMessageFactory.createReader(r).toEvent()).toList();
    }

    /** Polls {@link #events} until {@code done} holds. */
    public List<CloudEvent> awaitEvents(String topic, Predicate<List<CloudEvent>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<CloudEvent> events = events(topic);
            if (done.test(events)) {
                return events;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met on " + topic + " within " + timeout + "; " + events.size()
                        + " events");
            }
            sleep(200);
        }
    }

    /** End offset of every partition. */
    public Map<Integer, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<Integer, Long> out = new HashMap<>();
            consumer.endOffsets(partitions(consumer, topic)).forEach((tp, o) -> out.put(tp.partition(), o));
            return out;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        while (infos == null || infos.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no metadata for " + topic);
            }
            sleep(100);
            infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        }
        List<TopicPartition> parts = new ArrayList<>();
        for (PartitionInfo info : infos) {
            parts.add(new TopicPartition(topic, info.partition()));
        }
        return parts;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
