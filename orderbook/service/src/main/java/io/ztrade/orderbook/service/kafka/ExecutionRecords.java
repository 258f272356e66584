package io.ztrade.orderbook.service.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.orderbook.service.core.Execution;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code ztrade.executions} records: CloudEvents in Kafka binary mode, key = symbol, source
 * {@code /ztrade/orderbook}, id {@code <partition>-<offset>-<n>} of the command record, time = the
 * command record's timestamp. Everything is a function of the command record, so a replay publishes
 * byte-identical events under the same ids.
 */
public final class ExecutionRecords {

    /** CloudEvent extension: the id of the command event that caused this event. */
    public static final String COMMAND_ID = "commandid";

    private static final URI SOURCE = URI.create(EventSources.ORDERBOOK);

    private ExecutionRecords() {}

    /** The event of one execution. */
    public static CloudEvent event(Execution execution, long commandTimestamp, String commandId) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(execution.id())
                .withSource(SOURCE)
                .withType(execution.type())
                .withTime(Instant.ofEpochMilli(commandTimestamp).atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(EventCodec.encode(execution.data()));
        if (execution.symbol() != null) {
            builder.withSubject(execution.symbol());
        }
        if (commandId != null) {
            builder.withExtension(COMMAND_ID, commandId);
        }
        return builder.build();
    }

    /** The binary-mode record of one execution. */
    public static ProducerRecord<String, byte[]> encode(String topic, Execution execution, long commandTimestamp,
            String commandId) {
        return KafkaMessageFactory.<String>createWriter(topic, execution.symbol())
                .writeBinary(event(execution, commandTimestamp, commandId));
    }
}
