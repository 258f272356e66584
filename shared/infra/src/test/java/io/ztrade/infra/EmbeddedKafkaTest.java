package io.ztrade.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void producedRecordsAreConsumedFromAllThreePartitions() throws Exception {
        kafka.createTopic("ztrade.orders", 3);

        Set<Integer> partitionsWritten = new HashSet<>();
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            for (String symbol : List.of("AAPL", "BTC-USD", "ETH-USD", "MSFT", "TSLA", "SPY")) {
                RecordMetadata written = producer.send(new ProducerRecord<>("ztrade.orders", symbol, "order for " + symbol)).get();
                partitionsWritten.add(written.partition());
            }
        }

        List<ConsumerRecord<String, String>> records = consumeAll(kafka, "ztrade.orders", 6);
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("AAPL", "BTC-USD", "ETH-USD", "MSFT", "TSLA", "SPY");
        assertThat(records).allSatisfy(r -> assertThat(r.value()).isEqualTo("order for " + r.key()));
        assertThat(partitionsWritten).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(0, 2));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of("ztrade.orders")).allTopicNames().get().get("ztrade.orders").partitions()).hasSize(3);
        }
    }

    @Test
    void creatingAnExistingTopicAgainIsHarmless() {
        kafka.createTopic("ztrade.executions", 3);
        kafka.createTopic("ztrade.executions", 3);
    }

    @Test
    void bootstrapServersPointAtLocalhost() {
        assertThat(kafka.bootstrapServers()).matches("localhost:\\d+");
    }

    @Test
    void closingStopsTheBrokerAndDeletesItsTemporaryDirectory() {
        EmbeddedKafka own = EmbeddedKafka.start();
        int port = Integer.parseInt(own.bootstrapServers().substring(own.bootstrapServers().lastIndexOf(':') + 1));
        Path dir = own.dataDirectory();
        assertThat(FreePorts.isListening(port)).isTrue();

        own.close();

        assertThat(FreePorts.isListening(port)).isFalse();
        assertThat(dir).doesNotExist();
    }

    @Test
    void aBrokerRestartedOnItsDataDirectoryKeepsTopicsAndRecords(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka first = EmbeddedKafka.start(dir)) {
            first.createTopic("ztrade.durable", 3);
            try (KafkaProducer<String, String> producer = producer(first)) {
                producer.send(new ProducerRecord<>("ztrade.durable", "AAPL", "before restart")).get();
            }
        }
        assertThat(dir).isDirectory();
        assertThat(Files.list(dir)).isNotEmpty();

        try (EmbeddedKafka second = EmbeddedKafka.start(dir)) {
            List<ConsumerRecord<String, String>> records = consumeAll(second, "ztrade.durable", 1);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("before restart");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {
                assertThat(admin.describeTopics(List.of("ztrade.durable")).allTopicNames().get().get("ztrade.durable").partitions()).hasSize(3);
            }
        }
    }

    static KafkaProducer<String, String> producer(EmbeddedKafka broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    static List<ConsumerRecord<String, String>> consumeAll(EmbeddedKafka broker, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
