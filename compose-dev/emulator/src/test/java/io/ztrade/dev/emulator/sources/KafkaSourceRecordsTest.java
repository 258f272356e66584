package io.ztrade.dev.emulator.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.fabric8.knative.duck.v1.CloudEventOverrides;
import io.fabric8.knative.sources.v1beta1.KafkaSource;
import io.fabric8.knative.sources.v1beta1.KafkaSourceBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Kafka records to CloudEvents, as Knative's KafkaSource does it. */
class KafkaSourceRecordsTest {

    static final KafkaSource SOURCE = new KafkaSourceBuilder()
            .withNewMetadata().withName("executions").withNamespace("ztrade").endMetadata()
            .withNewSpec().withTopics(List.of("ztrade.executions"))
            .withCeOverrides(new CloudEventOverrides(Map.of("origin", "orderbook"))).endSpec()
            .build();

    static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> p, int partition, long offset) {
        return new ConsumerRecord<>(p.topic(), partition, offset, 1_700_000_000_000L, TimestampType.CREATE_TIME, -1, -1, p.key(), p.value(),
                new RecordHeaders(p.headers().toArray()), Optional.empty());
    }

    @Test
    void aBinaryModeCloudEventRecordIsTheEvent() {
        CloudEvent filled = CloudEventBuilder.v1().withId("fill-1").withSource(URI.create("/ztrade/orderbook"))
                .withType("io.ztrade.order.filled").withData("application/json", "{\"qty\":1}".getBytes(StandardCharsets.UTF_8)).build();
        ProducerRecord<String, byte[]> p = KafkaMessageFactory.<String>createWriter("ztrade.executions", "AAPL").writeBinary(filled);
        CloudEvent e = KafkaSources.toEvent(SOURCE, consumed(p, 0, 5));
        assertThat(e.getId()).isEqualTo("fill-1");
        assertThat(e.getType()).isEqualTo("io.ztrade.order.filled");
        assertThat(e.getSource()).isEqualTo(URI.create("/ztrade/orderbook"));
        assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"qty\":1}");
        assertThat(e.getExtension("origin")).as("ceOverrides").isEqualTo("orderbook");
    }

    @Test
    void aPlainRecordIsWrappedAsKnativeWrapsIt() {
        ProducerRecord<String, byte[]> p = new ProducerRecord<>("ztrade.executions", "BTC-USD", "raw".getBytes(StandardCharsets.UTF_8));
        p.headers().add("content-type", "text/plain".getBytes(StandardCharsets.UTF_8));
        p.headers().add("X-Trace", "abc".getBytes(StandardCharsets.UTF_8));
        CloudEvent e = KafkaSources.toEvent(SOURCE, consumed(p, 2, 41));
        assertThat(e.getType()).isEqualTo("dev.knative.kafka.event");
        assertThat(e.getId()).isEqualTo("partition:2/offset:41");
        assertThat(e.getSource()).isEqualTo(URI.create("/apis/v1/namespaces/ztrade/kafkasources/executions#ztrade.executions"));
        assertThat(e.getSubject()).isEqualTo("partition:2#41");
        assertThat(e.getExtension("key")).isEqualTo("BTC-USD");
        assertThat(e.getExtension("kafkaheaderxtrace")).isEqualTo("abc");
        assertThat(e.getDataContentType()).isEqualTo("text/plain");
        assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("raw");
        assertThat(e.getTime().toInstant().toEpochMilli()).isEqualTo(1_700_000_000_000L);
    }
}
