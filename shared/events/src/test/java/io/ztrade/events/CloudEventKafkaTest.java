package io.ztrade.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.ztrade.events.kafka.CloudEventKafka;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CloudEvents in Kafka records: the same rules as over HTTP, and never an exception other than the one naming the attribute. */
class CloudEventKafkaTest {

    private static ConsumerRecord<String, byte[]> record(RecordHeaders headers, byte[] value) {
        return new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1, "AAPL", value, headers, Optional.empty());
    }

    private static RecordHeaders valid() {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        h.add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        h.add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        h.add("ce_type", "t".getBytes(StandardCharsets.UTF_8));
        h.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return h;
    }

    @Test
    void shouldReadWhatTheSdkWritesInBothModes() {
        CloudEvent e = CloudEventBuilder.v1().withId("e-1").withSource(URI.create("/s")).withType("t").withExtension("ext", "v")
                .withDataContentType("application/json").withData("{}".getBytes(StandardCharsets.UTF_8)).build();
        ProducerRecord<String, byte[]> binary = KafkaMessageFactory.<String>createWriter("t", "k").writeBinary(e);
        RecordHeaders bh = new RecordHeaders(binary.headers().toArray());
        assertThat(CloudEventKafka.read(record(bh, binary.value())).getExtension("ext")).isEqualTo("v");
        ProducerRecord<String, byte[]> structured = KafkaMessageFactory.<String>createWriter("t", "k")
                .writeStructured(e, io.cloudevents.jackson.JsonFormat.CONTENT_TYPE);
        RecordHeaders sh = new RecordHeaders(structured.headers().toArray());
        assertThat(CloudEventKafka.read(record(sh, structured.value())).getId()).isEqualTo("e-1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ce_Bad|Bad", "ce_time|time", "ce_subject|subject", "ce_dataschema|dataschema",
            "ce_specversion|specversion"})
    void shouldRejectABadHeaderNamingTheAttribute(String header, String field) {
        RecordHeaders h = valid();
        h.remove(header);
        String value = switch (header) {
            case "ce_time" -> "2026-02-30T00:00:00Z";
            case "ce_subject" -> "";
            case "ce_dataschema" -> "relative";
            case "ce_specversion" -> "0.3";
            default -> "x";
        };
        h.add(header, value.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEventKafka.read(record(h, new byte[0])))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void shouldRejectAValueThatIsNotUtf8AndARepeatedHeader() {
        RecordHeaders h = valid();
        h.add("ce_subject", new byte[] {(byte) 0xC0, (byte) 0xA0});
        assertThatThrownBy(() -> CloudEventKafka.read(record(h, new byte[0])))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("subject"));
        RecordHeaders twice = valid();
        twice.add("ce_id", "e-2".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEventKafka.read(record(twice, new byte[0])))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("id"));
    }

    @Test
    void shouldRejectARecordThatIsNoCloudEventAtAll() {
        RecordHeaders h = new RecordHeaders();
        assertThat(CloudEventKafka.looksLikeCloudEvent(record(h, "raw".getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThatThrownBy(() -> CloudEventKafka.read(record(h, "raw".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("specversion"));
        RecordHeaders missing = valid();
        missing.remove("ce_type");
        assertThatThrownBy(() -> CloudEventKafka.read(record(missing, new byte[0])))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("type"));
    }

    @Test
    void shouldApplyTheJsonFormatRulesToAStructuredRecord() {
        RecordHeaders h = new RecordHeaders();
        h.add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        byte[] body = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"Bad\":1}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CloudEventKafka.read(record(h, body)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("Bad"));
    }
}
