package io.ztrade.events.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.ztrade.events.CloudEventRules;
import io.ztrade.events.EventCodec;
import io.ztrade.events.InvalidEventException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * CloudEvents over HTTP (spec 1.0, binary and structured mode) with the CloudEvents SDK, plus what
 * the SDK leaves to its caller: the {@link CloudEventRules} on every attribute (names, required
 * attributes, value types) before anything is built from the request, and the binding's
 * percent-encoding of header values in both directions. Batched mode is not accepted:
 * {@link UnsupportedEventFormatException} (an ingress answers 415).
 */
public final class CloudEventHttp {

    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";
    public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";
    private static final String PREFIX = "ce-";

    private CloudEventHttp() {}

    /** True when the request carries a CloudEvent in structured mode (by its content type). */
    public static boolean isStructured(String contentType) {
        return contentType != null && mediaType(contentType).startsWith("application/cloudevents");
    }

    /**
     * Reads a CloudEvent from an HTTP request whose headers are given one value per name.
     *
     * @throws InvalidEventException naming the missing or bad attribute
     * @throws UnsupportedEventFormatException for batched mode or another structured format than JSON
     */
    public static CloudEvent read(Map<String, String> headers, byte[] body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((k, v) -> multi.put(k, v == null ? List.of() : List.of(v)));
        return readHeaders(multi, body);
    }

    /** Reads a CloudEvent; {@code header} looks a header up case-insensitively (for tests and simple callers). */
    public static CloudEvent read(Function<String, String> header, byte[] body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        for (String name : new String[] {"content-type", "ce-specversion", "ce-id", "ce-source", "ce-type", "ce-time", "ce-subject",
                "ce-dataschema"}) {
            String v = header.apply(name);
            if (v != null) {
                multi.put(name, List.of(v));
            }
        }
        return readHeaders(multi, body);
    }

    /**
     * Reads a CloudEvent from every header of a request (names in any case, each with all its
     * values) and its body. An attribute header given twice is ambiguous and rejected.
     */
    public static CloudEvent readHeaders(Map<String, List<String>> headers, byte[] body) {
        byte[] payload = body == null ? new byte[0] : body;
        String contentType = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            List<String> values = h.getValue();
            if (name.equals("content-type")) {
                contentType = values.isEmpty() ? null : values.get(0);
            } else if (name.startsWith(PREFIX)) {
                String attribute = name.substring(PREFIX.length());
                CloudEventRules.checkName(attribute);
                if (values.size() != 1 || attributes.containsKey(attribute)) {
                    throw new InvalidEventException(attribute, "header ce-" + attribute + " must appear once, it appears "
                            + Math.max(values.size(), 2) + " times");
                }
                attributes.put(attribute, percentDecode(attribute, unquote(values.get(0))));
            }
        }
        if (contentType != null) {
            String media = mediaType(contentType);
            if (media.equals(BATCH_CONTENT_TYPE) || media.startsWith("application/cloudevents-batch")) {
                throw new UnsupportedEventFormatException("batched CloudEvents (" + BATCH_CONTENT_TYPE
                        + ") are not accepted: send one event per request, in binary or structured mode");
            }
            if (media.startsWith("application/cloudevents")) {
                if (!media.equals(STRUCTURED_CONTENT_TYPE)) {
                    throw new UnsupportedEventFormatException("structured CloudEvents are accepted in the JSON format ("
                            + STRUCTURED_CONTENT_TYPE + ") only, not " + CloudEventRules.printable(media));
                }
                return structured(payload);
            }
        }
        return binary(attributes, contentType, payload);
    }

    private static CloudEvent structured(byte[] body) {
        JsonNode tree = EventCodec.readTree(body, "event");
        CloudEventRules.checkStructured(tree);
        // JSON format 2.2: an attribute whose value is null is unset
        List<String> unset = new java.util.ArrayList<>();
        tree.fields().forEachRemaining(m -> {
            if (m.getValue().isNull() && !m.getKey().equals("data")) {
                unset.add(m.getKey());
            }
        });
        byte[] json = body;
        if (!unset.isEmpty()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove(unset);
            json = EventCodec.encode(tree);
        }
        CloudEvent event;
        try {
            event = new JsonFormat().deserialize(json);
        } catch (RuntimeException e) {
            throw new InvalidEventException("event", "not a valid CloudEvent: " + CloudEventRules.printable(String.valueOf(e.getMessage())), e);
        }
        CloudEventRules.check(event);
        return event;
    }

    private static CloudEvent binary(Map<String, String> attributes, String contentType, byte[] body) {
        for (String attribute : new String[] {"specversion", "id", "source", "type"}) {
            if (!attributes.containsKey(attribute)) {
                throw new InvalidEventException(attribute, "missing required CloudEvent attribute (header ce-" + attribute + ")");
            }
        }
        attributes.forEach(CloudEventRules::checkAttribute);
        if (contentType != null) {
            CloudEventRules.checkAttribute("datacontenttype", contentType);
        }
        Map<String, String> forSdk = new LinkedHashMap<>();
        attributes.forEach((k, v) -> forSdk.put(PREFIX + k, v));
        if (contentType != null) {
            forSdk.put("content-type", contentType);
        }
        CloudEvent event;
        try {
            MessageReader reader = HttpMessageFactory.createReader(forSdk, body);
            event = reader.toEvent();
        } catch (RuntimeException e) {
            throw new InvalidEventException("event", "not a valid CloudEvent: " + CloudEventRules.printable(String.valueOf(e.getMessage())), e);
        }
        CloudEventRules.check(event);
        return event;
    }

    /** {@code type/subtype} of a Content-Type header, lower case, without parameters. */
    private static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** RFC 7230 section 3.2.6: a value in double quotes, with backslash escapes, stands for its content. */
    static String unquote(String value) {
        String v = value.strip();
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() - 1) {
                c = v.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** One round of percent-decoding (HTTP binding 3.1.3.2); byte sequences that are not UTF-8 are rejected. */
    static String percentDecode(String attribute, String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0 || Character.digit(value.charAt(i + 2), 16) < 0) {
                    throw new InvalidEventException(attribute, "bad percent-encoding in header ce-" + attribute + " at position " + i);
                }
                bytes.write(Character.digit(value.charAt(i + 1), 16) * 16 + Character.digit(value.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEventException(attribute, "header ce-" + attribute + " percent-decodes to bytes that are not UTF-8");
        }
    }

    /** Percent-encodes what the HTTP binding says must be: space, double quote, percent, and all but printable ASCII. */
    static String percentEncode(String value) {
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c > 0x20 && c < 0x7F && c != '"' && c != '%';
        }
        if (plain) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp > 0x20 && cp < 0x7F && cp != '"' && cp != '%') {
                sb.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        }
        return sb.toString();
    }

    /** Writes {@code event} in binary mode: headers (values percent-encoded) through {@code putHeader}, returns the body. */
    public static byte[] writeBinary(CloudEvent event, BiConsumer<String, String> putHeader) {
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter((k, v) -> putHeader.accept(k, k.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? percentEncode(v) : v), bytes -> body[0] = bytes).writeBinary(event);
        return body[0] == null ? new byte[0] : body[0];
    }

    /** Writes {@code event} in structured mode (JSON format): headers through {@code putHeader}, returns the body. */
    public static byte[] writeStructured(CloudEvent event, BiConsumer<String, String> putHeader) {
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter(putHeader, bytes -> body[0] = bytes).writeStructured(event, JsonFormat.CONTENT_TYPE);
        return body[0] == null ? new byte[0] : body[0];
    }
}
