package io.ztrade.orderbook.service.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventTypes;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.kafka.CloudEventKafka;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.service.core.Incoming;
import io.ztrade.orderbook.service.core.Reject;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** {@code ztrade.orders} records: CloudEvents {@code io.ztrade.order.requested} in Kafka binary mode, key = symbol. */
public final class CommandRecords {

    private CommandRecords() {}

    /** A command as a binary-mode record; {@code partition} may be null (then the key decides). */
    public static ProducerRecord<String, byte[]> encode(String topic, Integer partition, String id, URI source,
            OrderRequest request, long timestamp) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(source)
                .withType(EventTypes.ORDER_REQUESTED)
                .withSubject(request.symbol())
                .withTime(Instant.ofEpochMilli(timestamp).atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(EventCodec.encode(request))
                .build();
        return KafkaMessageFactory.<String>createWriter(topic, partition, timestamp, request.symbol()).writeBinary(event);
    }

    /**
     * Reads a record for the sequencer. Never throws: a record that is not a CloudEvent, has another
     * type or carries an invalid request becomes an {@link Incoming} with its reject.
     */
    public static Incoming decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = CloudEventKafka.read(record);
        } catch (InvalidEventException e) {
            return invalid(record, null, record.value(), new Reject(Reject.UNSUPPORTED_EVENT, e.field(),
                    "the record is not a valid CloudEvent in Kafka binary or structured mode (" + e.getMessage() + ")"));
        }
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        if (!EventTypes.ORDER_REQUESTED.equals(event.getType())) {
            return invalid(record, event.getId(), data, new Reject(Reject.UNSUPPORTED_EVENT, "type",
                    "must be " + EventTypes.ORDER_REQUESTED + ", was '" + event.getType() + "'"));
        }
        try {
            OrderRequest request = EventCodec.decode(data, OrderRequest.class);
            return Incoming.of(record.partition(), record.offset(), record.timestamp(), event.getId(), request);
        } catch (InvalidEventException e) {
            return invalid(record, event.getId(), data, new Reject(Reject.INVALID_REQUEST, e.field(), e.reason()));
        }
    }

    private static Incoming invalid(ConsumerRecord<String, byte[]> record, String id, byte[] data, Reject reject) {
        return new Incoming(record.partition(), record.offset(), record.timestamp(), id, lenient(data, record.key()), reject);
    }

    /** Whatever identifying fields can be read, so that a reject still reaches its sender. */
    private static OrderRequest lenient(byte[] data, String key) {
        String orderId = null;
        String clientOrderId = null;
        String accountId = null;
        String symbol = key;
        if (data != null && data.length > 0) {
            try {
                JsonNode tree = EventCodec.mapper().readTree(data);
                if (tree != null && tree.isObject()) {
                    orderId = text(tree, "orderId");
                    clientOrderId = text(tree, "clientOrderId");
                    accountId = text(tree, "accountId");
                    String named = text(tree, "symbol");
                    symbol = named != null ? named : key;
                }
            } catch (java.io.IOException | RuntimeException ignored) {
                // not JSON: only the key is known
            }
        }
        return new OrderRequest(OrderRequest.PLACE, orderId, clientOrderId, accountId, symbol, null, null, null, null,
                null, null);
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || !node.isTextual()) {
            return null;
        }
        String value = node.asText();
        return value.length() > OrderRequest.MAX_ID_LENGTH ? value.substring(0, OrderRequest.MAX_ID_LENGTH) : value;
    }
}
