package io.ztrade.events.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.ztrade.events.CloudEventRules;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.http.UnsupportedEventFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * CloudEvents in Kafka records (Kafka protocol binding, binary and structured mode) with the SDK,
 * after the same {@link CloudEventRules} as over HTTP: {@code ce_} header names, UTF-8 values,
 * required attributes, value types. Whatever the record holds, the outcome is an event or an
 * {@link InvalidEventException} naming the attribute, never another exception.
 */
public final class CloudEventKafka {

    private static final String PREFIX = "ce_";

    private CloudEventKafka() {}

    /** True when the record claims to carry a CloudEvent (a {@code ce_specversion} header or a CloudEvents content type). */
    public static boolean looksLikeCloudEvent(ConsumerRecord<?, byte[]> record) {
        if (record.headers().lastHeader(PREFIX + "specversion") != null) {
            return true;
        }
        Header ct = record.headers().lastHeader("content-type");
        return ct != null && ct.value() != null
                && new String(ct.value(), StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT).startsWith("application/cloudevents");
    }

    /**
     * The CloudEvent of {@code record}.
     *
     * @throws InvalidEventException naming the attribute the record gets wrong
     */
    public static CloudEvent read(ConsumerRecord<?, byte[]> record) {
        String contentType = null;
        boolean binary = false;
        Set<String> seen = new HashSet<>();
        for (Header h : record.headers()) {
            String key = h.key() == null ? "" : h.key();
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.equals("content-type")) {
                contentType = utf8("datacontenttype", h.value());
            } else if (lower.startsWith(PREFIX)) {
                binary = true;
                String attribute = key.substring(PREFIX.length());
                CloudEventRules.checkName(attribute);
                if (!seen.add(attribute)) {
                    throw new InvalidEventException(attribute, "header " + PREFIX + attribute + " appears more than once");
                }
                CloudEventRules.checkAttribute(attribute, utf8(attribute, h.value()));
            }
        }
        if (contentType != null) {
            String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (media.startsWith("application/cloudevents-batch")) {
                throw new UnsupportedEventFormatException("batched CloudEvents are not accepted in Kafka records");
            }
            if (!binary && media.startsWith("application/cloudevents")) {
                if (!media.equals("application/cloudevents+json")) {
                    throw new UnsupportedEventFormatException("structured CloudEvents are accepted in the JSON format only, not "
                            + CloudEventRules.printable(media));
                }
                return io.ztrade.events.http.CloudEventHttp.read(java.util.Map.of("content-type", contentType), record.value());
            }
            if (binary) {
                CloudEventRules.checkAttribute("datacontenttype", contentType);
            }
        }
        if (!binary) {
            throw new InvalidEventException("specversion", "the record is not a CloudEvent: no ce_ headers and no CloudEvents content type");
        }
        for (String attribute : CloudEventRules.REQUIRED) {
            if (!seen.contains(attribute)) {
                throw new InvalidEventException(attribute, "missing required CloudEvent attribute (header " + PREFIX + attribute + ")");
            }
        }
        // every attribute the SDK reads was checked above, header by header: no second pass over the event
        try {
            return KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
        } catch (RuntimeException e) {
            throw new InvalidEventException("event", "not a valid CloudEvent: " + CloudEventRules.printable(String.valueOf(e.getMessage())), e);
        }
    }

    private static String utf8(String attribute, byte[] value) {
        if (value == null) {
            throw new InvalidEventException(attribute, "header has no value");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEventException(attribute, "header value is not UTF-8");
        }
    }
}
