package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Typed payloads of reply events, from the catalog's records. */
final class Replies {

    private Replies() {}

    /** The event's {@code data} as {@code payload} (fields this version does not know are ignored). */
    static <T> T decode(JsonNode event, Class<T> payload) {
        JsonNode data = event.path("data");
        try {
            if (data.isTextual()) {
                return PlatformClient.JSON.readValue(data.asText(), payload);
            }
            return PlatformClient.JSON.treeToValue(data, payload);
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot read the data of " + event.path("type").asText() + " event "
                    + event.path("id").asText() + ": " + e.getMessage(), e);
        }
    }
}
