package io.ztrade.trading;

import io.cloudevents.CloudEvent;
import io.ztrade.events.EventCodec;
import io.ztrade.events.kafka.CloudEventKafka;
import io.ztrade.events.payload.OrderRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every record of {@code ztrade.orders} up to its end offsets (what the loop has sent, acknowledged). */
final class OrdersTopic {

    /** One record: its key, the decoded command and the trace it started in ({@code traceparent}, null if none). */
    record Sent(String key, String eventId, OrderRequest order, String traceparent) {}

    private OrdersTopic() {}

    static List<Sent> all(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Sent> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor("ztrade.orders", Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    CloudEvent e = CloudEventKafka.read(r);
                    Object trace = e.getExtension("traceparent");
                    out.add(new Sent(r.key(), e.getId(), EventCodec.decode(e.getData().toBytes(), OrderRequest.class),
                            trace == null ? null : trace.toString()));
                }
            }
        }
        return out;
    }
}
