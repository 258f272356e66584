package io.ztrade.dev.emulator.delivery;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The event sent to a dead-letter sink: the original, with the error extensions of the Knative
 * Kafka broker.
 */
public final class DeadLetters {

    /** The subscriber that failed. */
    public static final String ERROR_DEST = "knativeerrordest";
    /** Its last HTTP status (absent when it never answered). */
    public static final String ERROR_CODE = "knativeerrorcode";
    /** Base64 of its last response body, truncated to {@link #MAX_ERROR_DATA} bytes (or of the error, when it never answered). */
    public static final String ERROR_DATA = "knativeerrordata";
    /** As the Knative Kafka broker truncates it. */
    public static final int MAX_ERROR_DATA = 1024;

    private DeadLetters() {}

    public static CloudEvent of(CloudEvent event, String destination, AttemptResult last) {
        CloudEventBuilder b = CloudEventBuilder.v1(event).withExtension(ERROR_DEST, destination);
        byte[] data;
        if (last.statusCode() != null) {
            b.withExtension(ERROR_CODE, String.valueOf(last.statusCode()));
            data = last.body();
        } else {
            data = (last.error() == null ? "no response" : last.error()).getBytes(StandardCharsets.UTF_8);
        }
        if (data != null && data.length > 0) {
            byte[] truncated = data.length > MAX_ERROR_DATA ? Arrays.copyOf(data, MAX_ERROR_DATA) : data;
            b.withExtension(ERROR_DATA, Base64.getEncoder().encodeToString(truncated));
        }
        return b.build();
    }
}
