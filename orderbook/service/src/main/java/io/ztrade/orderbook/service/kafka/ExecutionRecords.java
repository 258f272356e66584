package io.ztrade.orderbook.service.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.trace.EventTrace;
import io.ztrade.orderbook.service.core.Execution;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * {@code ztrade.executions} records: CloudEvents in Kafka binary mode, key = symbol, source
 * {@code /ztrade/orderbook}, id {@code <partition>-<offset>-<n>} of the command record, time = the
 * command record's timestamp, the command's trace ({@link Trace}). Everything is a function of the
 * command record, so a replay publishes byte-identical events under the same ids.
 */
public final class ExecutionRecords {

    /** CloudEvent extension: the id of the command event that caused this event. */
    public static final String COMMAND_ID = "commandid";

    private static final URI SOURCE = URI.create(EventSources.ORDERBOOK);

    private ExecutionRecords() {}

    /**
     * The trace a command record started in ({@code ce_traceparent}, {@code ce_tracestate}), which
     * its executions continue (ADR 0020): the same chain from a trading loop's tick to its fills.
     * Read from the record, so a replay publishes the same events.
     */
    public record Trace(String traceparent, String tracestate) {

        /** No trace: the executions start none (the broker gives them one). */
        public static final Trace NONE = new Trace(null, null);

        /**
         * The record's trace; {@link #NONE} when it has no {@code ce_traceparent} or one that is not a
         * W3C traceparent. {@code checked}: the record's CloudEvent passed the rules already (a command
         * decoded without a reject), its {@code traceparent} among them, so it is not parsed again.
         */
        public static Trace of(Headers headers, boolean checked) {
            String parent = value(headers, "ce_" + EventTrace.TRACEPARENT);
            if (parent == null) {
                return NONE;
            }
            if (!checked) {
                try {
                    EventTrace.checkTraceparent(parent);
                } catch (InvalidEventException e) {
                    return NONE;
                }
            }
            return new Trace(parent, value(headers, "ce_" + EventTrace.TRACESTATE));
        }

        private static String value(Headers headers, String name) {
            Header h = headers.lastHeader(name);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    }

    /** The event of one execution, with no trace. */
    public static CloudEvent event(Execution execution, long commandTimestamp, String commandId) {
        return event(execution, commandTimestamp, commandId, Trace.NONE);
    }

    /** The event of one execution, in the trace of its command. */
    public static CloudEvent event(Execution execution, long commandTimestamp, String commandId, Trace trace) {
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
        if (trace.traceparent() != null) {
            builder.withExtension(EventTrace.TRACEPARENT, trace.traceparent());
            if (trace.tracestate() != null && !trace.tracestate().isEmpty()) {
                builder.withExtension(EventTrace.TRACESTATE, trace.tracestate());
            }
        }
        return builder.build();
    }

    /** The binary-mode record of one execution. */
    public static ProducerRecord<String, byte[]> encode(String topic, Execution execution, long commandTimestamp,
            String commandId, Trace trace) {
        return KafkaMessageFactory.<String>createWriter(topic, execution.symbol())
                .writeBinary(event(execution, commandTimestamp, commandId, trace));
    }
}
