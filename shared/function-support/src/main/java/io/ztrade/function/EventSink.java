package io.ztrade.function;

import io.ztrade.events.JsonEvents;
import io.ztrade.events.http.SinkClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * Emits CloudEvents of a function's own (fan-out, completions) to its sink, {@code K_SINK} as a
 * Knative SinkBinding injects it, in binary mode with JSON data.
 */
@ApplicationScoped
public class EventSink {

    private final FunctionConfig config;
    private volatile SinkClient client;

    public EventSink(FunctionConfig config) {
        this.config = config;
    }

    /**
     * Sends one event. Ids should be deterministic, so that a resend after a failure is the same
     * event to its consumers.
     *
     * @throws IllegalStateException when no sink is configured
     * @throws SinkClient.SinkException when the sink does not take the event
     */
    public void send(String type, String source, String id, String subject, Object data) {
        client().send(JsonEvents.of(type, source, id, subject, data));
    }

    private SinkClient client() {
        SinkClient c = client;
        if (c == null) {
            URI url = config.sink().url().orElseThrow(() -> new IllegalStateException(
                    "no event sink: set K_SINK (a SinkBinding does) or ztrade.function.sink.url"));
            c = new SinkClient(url, config.sink().timeout());
            client = c;
        }
        return c;
    }
}
