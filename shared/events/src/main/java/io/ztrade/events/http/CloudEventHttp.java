package io.ztrade.events.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.ztrade.events.EventCodec;
import io.ztrade.events.InvalidEventException;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * CloudEvents over HTTP (binary and structured mode, spec 1.0) with the CloudEvents SDK, plus the
 * checks the SDK leaves to the caller: every required attribute present and non-empty, each missing
 * one named in the error.
 */
public final class CloudEventHttp {

    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";
    private static final String[] REQUIRED = {"specversion", "id", "source", "type"};

    private CloudEventHttp() {}

    /** True when the request carries a CloudEvent in structured mode (by its content type). */
    public static boolean isStructured(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents");
    }

    /**
     * Reads a CloudEvent from an HTTP request.
     *
     * @param header header lookup, case-insensitive
     * @param body   the request body (may be empty)
     * @throws InvalidEventException naming the missing or bad attribute
     */
    public static CloudEvent read(Function<String, String> header, byte[] body) {
        String contentType = header.apply("content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents-batch")) {
            throw new InvalidEventException("content-type", "batched CloudEvents are not supported");
        }
        checkEnvelope(header, body);
        try {
            MessageReader reader = HttpMessageFactory.createReader(
                    (processHeader) -> {
                        // the SDK asks for every header; we only hand it the ones that matter
                        for (String name : new String[] {"content-type", "ce-specversion", "ce-id", "ce-source", "ce-type",
                                "ce-time", "ce-subject", "ce-dataschema"}) {
                            String v = header.apply(name);
                            if (v != null) {
                                processHeader.accept(name, v);
                            }
                        }
                    },
                    body == null ? new byte[0] : body);
            return reader.toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new InvalidEventException("event", "not a valid CloudEvent: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a CloudEvent with all its headers (extensions included). {@code headers} keys must be
     * lower case.
     */
    public static CloudEvent read(Map<String, String> headers, byte[] body) {
        checkEnvelope(headers::get, body);
        try {
            return HttpMessageFactory.createReader(headers, body == null ? new byte[0] : body).toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new InvalidEventException("event", "not a valid CloudEvent: " + e.getMessage(), e);
        }
    }

    /** Every required attribute present and non-blank, spec version 1.0, in either mode. */
    private static void checkEnvelope(Function<String, String> header, byte[] body) {
        if (isStructured(header.apply("content-type"))) {
            checkStructured(body);
            return;
        }
        for (String attribute : REQUIRED) {
            String v = header.apply("ce-" + attribute);
            if (v == null || v.isBlank()) {
                throw new InvalidEventException(attribute, "missing required CloudEvent attribute (header ce-" + attribute + ")");
            }
        }
        checkSpecVersion(header.apply("ce-specversion"));
    }

    private static void checkStructured(byte[] body) {
        JsonNode tree;
        try {
            tree = EventCodec.mapper().readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new InvalidEventException("event", "malformed JSON in structured CloudEvent: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException("event", "a structured CloudEvent must be a JSON object");
        }
        for (String attribute : REQUIRED) {
            JsonNode v = tree.get(attribute);
            if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
                throw new InvalidEventException(attribute, "missing required CloudEvent attribute");
            }
        }
        checkSpecVersion(tree.get("specversion").asText());
    }

    private static void checkSpecVersion(String specVersion) {
        if (!"1.0".equals(specVersion)) {
            throw new InvalidEventException("specversion", "unsupported CloudEvents spec version '" + specVersion + "', expected 1.0");
        }
    }

    /** Writes {@code event} in binary mode: headers through {@code putHeader}, returns the body. */
    public static byte[] writeBinary(CloudEvent event, BiConsumer<String, String> putHeader) {
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter(putHeader, bytes -> body[0] = bytes).writeBinary(event);
        return body[0] == null ? new byte[0] : body[0];
    }

    /** Writes {@code event} in structured mode (JSON format): headers through {@code putHeader}, returns the body. */
    public static byte[] writeStructured(CloudEvent event, BiConsumer<String, String> putHeader) {
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter(putHeader, bytes -> body[0] = bytes)
                .writeStructured(event, io.cloudevents.jackson.JsonFormat.CONTENT_TYPE);
        return body[0] == null ? new byte[0] : body[0];
    }
}
