package io.ztrade.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Builds the platform's own CloudEvents: spec 1.0, time now, JSON data encoded by {@link EventCodec}. */
public final class JsonEvents {

    private JsonEvents() {}

    /**
     * @param subject the event's subject, or null for none
     * @param payload the data, a payload record of the catalog
     */
    public static CloudEvent of(String type, String source, String id, String subject, Object payload) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create(source))
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(EventCodec.encode(payload));
        if (subject != null) {
            event.withSubject(subject);
        }
        return event.build();
    }
}
