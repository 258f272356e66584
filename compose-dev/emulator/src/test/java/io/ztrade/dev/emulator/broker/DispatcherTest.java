package io.ztrade.dev.emulator.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztrade.infra.KafkaResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The dispatcher on the JVM's embedded Kafka: hand-overs are bounded, and every record is handled once. */
class DispatcherTest {

    @Test
    void aHandOverBeyondMaxInFlightWaitsInKafkaAndEveryRecordIsStillHandledOnce() throws Exception {
        String topic = "dispatcher-" + UUID.randomUUID();
        KafkaResource kafka = new KafkaResource();
        kafka.init(Map.of(KafkaResource.TOPICS, topic + ":1"));
        String bootstrap = kafka.start().get("kafka.bootstrap.servers");

        int records = 10;
        int maxInFlight = 4;
        List<RecordMetadata> written = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                written.add(producer.send(new ProducerRecord<>(topic, "k", new byte[] {(byte) i})).get());
            }
        }

        CountDownLatch gate = new CountDownLatch(1);
        Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
        AtomicInteger concurrent = new AtomicInteger();
        Runnable slowHandling = () -> {
            concurrent.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
        };
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        Dispatcher dispatcher = new Dispatcher("test", bootstrap, List.of(topic), "g-" + topic, "earliest", record -> {
            slowHandling.run();
            handled.computeIfAbsent(record.offset(), o -> new AtomicInteger()).incrementAndGet();
        }, workers, maxInFlight, false);
        try {
            TopicPartition tp = new TopicPartition(topic, 0);
            List<Boolean> handedOver = new ArrayList<>();
            for (RecordMetadata md : written) {
                long offset = md.offset();
                handedOver.add(dispatcher.handOver(tp, offset, () -> {
                    slowHandling.run();
                    handled.computeIfAbsent(offset, o -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            // the subscriber is stuck: the first maxInFlight start at once, the rest wait in Kafka
            assertThat(handedOver).containsExactly(true, true, true, true, false, false, false, false, false, false);
            await().atMost(Duration.ofSeconds(10)).until(() -> concurrent.get() == maxInFlight);

            dispatcher.start();
            gate.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == records);
            Thread.sleep(300); // a second handling of a hand-over would show up by now
            assertThat(handled.keySet()).containsExactlyInAnyOrderElementsOf(written.stream().map(RecordMetadata::offset).toList());
            assertThat(handled.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        } finally {
            dispatcher.close();
            workers.shutdownNow();
        }
    }
}
