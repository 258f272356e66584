package io.ztrade.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.ztrade.events.trace.EventTrace;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CloudEvents 1.0 rules every event entering the platform must keep, whatever the protocol
 * binding or mode: attribute names, required attributes, the type of each attribute's value. Each
 * violation is an {@link InvalidEventException} naming the attribute.
 *
 * <ul>
 *   <li>names: lower-case ASCII letters and digits, 1 to 20 characters; {@code data} is reserved;
 *   <li>{@code specversion} {@code 1.0}; {@code id}, {@code type} non-empty strings; {@code source} a
 *       non-empty URI-reference; {@code subject} non-empty when present; {@code dataschema} an
 *       absolute URI; {@code datacontenttype} a media type ({@code type/subtype[;params]});
 *       {@code time} an RFC 3339 timestamp;
 *   <li>every string value free of control characters, Unicode noncharacters and unpaired
 *       surrogates; extension values strings, booleans or 32-bit integers (JSON format);
 *   <li>the distributed tracing extension's {@code traceparent} a W3C traceparent ({@link EventTrace}).
 * </ul>
 */
public final class CloudEventRules {

    /** The one spec version the platform speaks. */
    public static final String SPEC_VERSION = "1.0";

    /** Attributes that must be present in every event. */
    public static final Set<String> REQUIRED = Set.of("specversion", "id", "source", "type");

    /** The context attributes of the core spec (everything else is an extension). */
    public static final Set<String> CORE = Set.of("specversion", "id", "source", "type", "datacontenttype", "dataschema", "subject", "time");

    /** Longest attribute name (the spec's SHOULD, enforced here). */
    public static final int MAX_NAME_LENGTH = 20;

    /** What {@link #checkName} accepts (kept as the specification's wording; the check is a loop). */
    static final Pattern NAME = Pattern.compile("[a-z0-9]{1," + MAX_NAME_LENGTH + "}");
    private static final String JSON = "application/json";
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    // RFC 2046 / 7231: type "/" subtype *( OWS ";" OWS parameter ), tokens of RFC 7230 tchar
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN
            + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"([^\"\\\\]|\\\\.)*\"))*\\s*");

    private CloudEventRules() {}

    /** An attribute name, as it appears in a JSON member, a {@code ce-} header or a {@code ce_} Kafka header. */
    public static void checkName(String name) {
        if (!isName(name)) {
            String shown = name == null ? "null" : "'" + printable(name) + "'";
            throw new InvalidEventException(name == null || name.isEmpty() ? "event" : printable(name),
                    "attribute name " + shown + " is not allowed: CloudEvents attribute names are 1 to " + MAX_NAME_LENGTH
                            + " lower-case letters or digits");
        }
        if (name.equals("data")) {
            throw new InvalidEventException("data", "'data' is reserved and cannot be an attribute");
        }
    }

    /** {@link #NAME} without a regular expression: it is checked for every attribute of every event. */
    private static boolean isName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A structured-mode event (JSON format, section 3): member names, required members, value
     * types. {@code data} and {@code data_base64} are the payload, not attributes.
     */
    public static void checkStructured(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new InvalidEventException("event", "a structured CloudEvent must be a JSON object");
        }
        if (event.has("data") && event.has("data_base64")) {
            throw new InvalidEventException("data_base64", "an event has data or data_base64, not both");
        }
        JsonNode base64 = event.get("data_base64");
        if (base64 != null && !base64.isNull()) {
            if (!base64.isTextual()) {
                throw new InvalidEventException("data_base64", "must be a Base64 string");
            }
            try {
                Base64.getDecoder().decode(base64.asText());
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException("data_base64", "is not valid Base64: " + e.getMessage());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            if (name.equals("data") || name.equals("data_base64")) {
                continue;
            }
            checkName(name);
            JsonNode value = member.getValue();
            if (value.isNull()) {
                continue; // JSON format 2.2: null is the same as absent
            }
            if (CORE.contains(name)) {
                if (!value.isTextual()) {
                    throw new InvalidEventException(name, "must be a JSON string, was " + value.getNodeType().name().toLowerCase(Locale.ROOT));
                }
                checkValue(name, value.asText());
            } else if (value.isTextual()) {
                checkExtension(name, value.asText());
            } else if (EventTrace.TRACEPARENT.equals(name)) {
                throw new InvalidEventException(name, "must be a JSON string (a W3C traceparent)");
            } else if (value.isIntegralNumber()) {
                if (!value.canConvertToInt()) {
                    throw new InvalidEventException(name, "integer attributes must fit 32 bits, was " + value.asText());
                }
            } else if (!value.isBoolean()) {
                throw new InvalidEventException(name, "an extension attribute must be a string, a boolean or an integer, was "
                        + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
        }
        for (String attribute : new String[] {"specversion", "id", "source", "type"}) {
            JsonNode v = event.get(attribute);
            if (v == null || v.isNull()) {
                throw new InvalidEventException(attribute, "missing required CloudEvent attribute");
            }
        }
    }

    /**
     * One attribute in its canonical string encoding (what a binary-mode header carries, after
     * percent-decoding). Core attributes are checked by their type; extensions are strings.
     */
    public static void checkAttribute(String name, String value) {
        checkName(name);
        if (value == null) {
            throw new InvalidEventException(name, "has no value");
        }
        if (CORE.contains(name)) {
            checkValue(name, value);
        } else {
            checkExtension(name, value);
        }
    }

    /** An event an SDK reader produced: required attributes and every value (names are the SDK's business). */
    public static void check(CloudEvent event) {
        if (event.getSpecVersion() == null) {
            throw new InvalidEventException("specversion", "missing required CloudEvent attribute");
        }
        checkValue("specversion", event.getSpecVersion().toString());
        checkValue("id", event.getId());
        checkValue("source", event.getSource() == null ? null : event.getSource().toString());
        checkValue("type", event.getType());
        if (event.getSubject() != null) {
            checkValue("subject", event.getSubject());
        }
        if (event.getDataContentType() != null) {
            checkValue("datacontenttype", event.getDataContentType());
        }
        if (event.getDataSchema() != null) {
            checkValue("dataschema", event.getDataSchema().toString());
        }
        for (String name : event.getExtensionNames()) {
            checkName(name);
            Object v = event.getExtension(name);
            if (v instanceof String s) {
                checkExtension(name, s);
            }
        }
    }

    /** An extension's string value; {@code traceparent} must also be a W3C traceparent (distributed tracing extension). */
    private static void checkExtension(String name, String value) {
        checkString(name, value);
        if (EventTrace.TRACEPARENT.equals(name)) {
            EventTrace.checkTraceparent(value);
        }
    }

    private static void checkValue(String name, String value) {
        if (value == null) {
            throw new InvalidEventException(name, REQUIRED.contains(name) ? "missing required CloudEvent attribute" : "has no value");
        }
        switch (name) {
            case "specversion" -> {
                if (!SPEC_VERSION.equals(value)) {
                    throw new InvalidEventException("specversion", "unsupported CloudEvents spec version '" + printable(value)
                            + "', expected " + SPEC_VERSION);
                }
            }
            case "id", "type", "subject" -> nonEmpty(name, value);
            case "source" -> {
                nonEmpty(name, value);
                uri(name, value, false);
            }
            case "dataschema" -> {
                nonEmpty(name, value);
                uri(name, value, true);
            }
            case "datacontenttype" -> {
                nonEmpty(name, value);
                // the type nearly every event carries needs no regular expression
                if (!JSON.equals(value) && !MEDIA_TYPE.matcher(value).matches()) {
                    throw new InvalidEventException(name, "must be a media type such as application/json, was '" + printable(value) + "'");
                }
            }
            case "time" -> time(value);
            default -> checkString(name, value);
        }
    }

    private static void nonEmpty(String name, String value) {
        if (value.isEmpty()) {
            throw new InvalidEventException(name, REQUIRED.contains(name) ? "missing required CloudEvent attribute (empty)" : "must not be empty");
        }
        checkString(name, value);
    }

    private static void uri(String name, String value, boolean absolute) {
        try {
            URI uri = new URI(value);
            if (absolute && !uri.isAbsolute()) {
                throw new InvalidEventException(name, "must be an absolute URI, was '" + printable(value) + "'");
            }
        } catch (URISyntaxException e) {
            throw new InvalidEventException(name, "must be a URI" + (absolute ? "" : "-reference") + ": " + printable(e.getMessage()));
        }
    }

    /** RFC 3339 {@code date-time}: a full date, a full time and an offset, with a real calendar date and time. */
    public static OffsetDateTime time(String value) {
        if (!RFC3339.matcher(value).matches()) {
            throw new InvalidEventException("time", "must be an RFC 3339 timestamp such as 2026-01-02T15:04:05Z, was '" + printable(value) + "'");
        }
        try {
            return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            throw new InvalidEventException("time", "is not a real date and time: '" + value + "'");
        }
    }

    /** The spec's String type: no control characters, no noncharacters, no unpaired surrogates. */
    static void checkString(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(i + 1));
                    if ((cp & 0xFFFE) == 0xFFFE) {
                        throw bad(name, "a Unicode noncharacter", cp);
                    }
                    i++;
                    continue;
                }
                throw bad(name, "an unpaired surrogate", c);
            }
            if (Character.isLowSurrogate(c)) {
                throw bad(name, "an unpaired surrogate", c);
            }
            if (c <= 0x1F || (c >= 0x7F && c <= 0x9F)) {
                throw bad(name, "a control character", c);
            }
            if ((c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF) {
                throw bad(name, "a Unicode noncharacter", c);
            }
        }
    }

    private static InvalidEventException bad(String name, String what, int cp) {
        return new InvalidEventException(name, "contains " + what + " (U+" + String.format("%04X", cp) + "), which CloudEvents strings may not");
    }

    /** {@code s} with anything unprintable escaped, safe to put in an error message and a log line. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 80));
        int i = 0;
        for (; i < s.length() && sb.length() < 80; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (i < s.length()) {
            sb.append("...");
        }
        return sb.toString();
    }
}
