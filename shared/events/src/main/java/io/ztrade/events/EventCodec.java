package io.ztrade.events;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * JSON encoding of event data. Decoding is strict: unknown fields, malformed JSON and wrong types are
 * rejected with an {@link InvalidEventException} naming the field, and decoded {@link Validated}
 * payloads are validated.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

    private EventCodec() {}

    /** Applies the platform's JSON conventions to a mapper builder (also used for Quarkus' mapper). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.addModule(new JavaTimeModule())
                // a field given twice is ambiguous (which amount was meant?): refuse it
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Decodes and validates the data of an event of {@code type}. */
    public static Object decode(String type, byte[] json) {
        return decode(json, EventCatalog.payloadOf(type));
    }

    /** Decodes and validates {@code json} as {@code payload}. */
    public static <T> T decode(byte[] json, Class<T> payload) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("data", "is required");
        }
        try {
            return validated(MAPPER.readValue(json, payload));
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** Converts an already parsed tree (e.g. what Funqy hands over) and validates it. */
    public static <T> T decode(JsonNode json, Class<T> payload) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            throw new InvalidEventException("data", "is required");
        }
        if (!json.isObject()) {
            throw new InvalidEventException("data", "must be a JSON object");
        }
        try {
            return validated(MAPPER.treeToValue(json, payload));
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /**
     * Parses JSON into a tree, strictly (a member given twice is refused, naming it).
     *
     * @param what the name of the whole document in an error ({@code data}, {@code event})
     */
    public static JsonNode readTree(byte[] json, String what) {
        try {
            return MAPPER.readTree(json == null ? new byte[0] : json);
        } catch (IOException e) {
            InvalidEventException duplicate = duplicate(e);
            if (duplicate != null) {
                return rethrow(duplicate);
            }
            String detail = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new InvalidEventException(what, "malformed JSON: " + detail, e);
        }
    }

    private static JsonNode rethrow(InvalidEventException e) {
        throw e;
    }

    public static byte[] encode(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + payload.getClass().getSimpleName(), e);
        }
    }

    public static JsonNode toTree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    private static <T> T validated(T value) {
        if (value == null) {
            throw new InvalidEventException("data", "is required");
        }
        if (value instanceof Validated v) {
            v.validate();
        }
        return value;
    }

    private static InvalidEventException translate(IOException e) {
        InvalidEventException duplicate = duplicate(e);
        if (duplicate != null) {
            return duplicate;
        }
        if (e instanceof JsonParseException p) {
            return new InvalidEventException("data", "malformed JSON: " + p.getOriginalMessage(), e);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String path = path(u);
            return path.isEmpty() || path.endsWith(".") || u.getPropertyName().isEmpty()
                    ? new InvalidEventException(path.isEmpty() || path.equals(".") ? "data" : path.substring(0, path.length() - 1),
                            "unknown field '" + u.getPropertyName() + "'", e)
                    : new InvalidEventException(path, "unknown field", e);
        }
        if (e instanceof JsonMappingException m) {
            Throwable cause = m.getCause();
            if (cause instanceof InvalidEventException iee) {
                return iee;
            }
            String path = path(m);
            String msg = m.getOriginalMessage();
            int cut = msg.indexOf('\n');
            msg = cut > 0 ? msg.substring(0, cut) : msg;
            return new InvalidEventException(path.isEmpty() ? "data" : path, "invalid value: " + msg, e);
        }
        return new InvalidEventException("data", "unreadable: " + e.getMessage(), e);
    }

    /** A member given twice, named by its full path; null when {@code e} is about something else. */
    private static InvalidEventException duplicate(IOException e) {
        Throwable t = e;
        while (t != null && !(t instanceof JsonParseException)) {
            t = t.getCause();
        }
        if (!(t instanceof JsonParseException p) || p.getOriginalMessage() == null
                || !p.getOriginalMessage().startsWith("Duplicate field")
                || !(p.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser)) {
            return null;
        }
        String msg = p.getOriginalMessage();
        String name = msg.indexOf('\'') >= 0 ? msg.substring(msg.indexOf('\'') + 1, msg.lastIndexOf('\'')) : "";
        String path = dotted(parser.getParsingContext().pathAsPointer().toString());
        if (!name.isEmpty() && !(path.equals(name) || path.endsWith("." + name))) {
            path = path.isEmpty() ? name : path + "." + name;
        }
        return new InvalidEventException(path.isEmpty() ? "data" : path, "is given more than once", e);
    }

    /** {@code /params/fast} -> {@code params.fast}, {@code /grid/slow/1} -> {@code grid.slow[1]}. */
    private static String dotted(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && !sb.isEmpty()) {
                sb.append('[').append(name).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(name);
            }
        }
        return sb.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
