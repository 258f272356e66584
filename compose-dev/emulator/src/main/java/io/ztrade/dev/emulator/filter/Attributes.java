package io.ztrade.dev.emulator.filter;

import io.cloudevents.CloudEvent;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** CloudEvent context attributes by name, as strings, the way Knative's filters see them. */
public final class Attributes {

    private Attributes() {}

    /**
     * The value of attribute {@code name} (a spec attribute or an extension) as a string, or
     * {@code null} when the event does not carry it.
     */
    public static String get(CloudEvent event, String name) {
        return switch (name) {
            case "specversion" -> event.getSpecVersion().toString();
            case "id" -> event.getId();
            case "source" -> event.getSource().toString();
            case "type" -> event.getType();
            case "datacontenttype" -> event.getDataContentType();
            case "dataschema" -> event.getDataSchema() == null ? null : event.getDataSchema().toString();
            case "subject" -> event.getSubject();
            case "time" -> event.getTime() == null ? null : event.getTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            default -> {
                Object value = event.getExtension(name);
                yield value == null ? null : value.toString();
            }
        };
    }

    /** Every attribute the event carries, spec attributes first, then extensions, as strings. */
    public static Map<String, String> all(CloudEvent event) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String name : new String[] {"specversion", "id", "source", "type", "datacontenttype", "dataschema", "subject", "time"}) {
            String v = get(event, name);
            if (v != null) {
                all.put(name, v);
            }
        }
        for (String name : event.getExtensionNames()) {
            all.put(name, get(event, name));
        }
        return all;
    }
}
