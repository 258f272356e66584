package io.ztrade.events.http;

import io.cloudevents.CloudEvent;
import io.opentelemetry.context.Context;
import io.ztrade.events.trace.EventTrace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends CloudEvents (binary mode) to a sink: a Knative Broker's ingress, or whatever {@code K_SINK}
 * names (the variable a SinkBinding injects). Thread-safe.
 */
public final class SinkClient {

    private final URI sink;
    private final HttpClient http;
    private final Duration timeout;

    public SinkClient(URI sink, Duration timeout) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI sink() {
        return sink;
    }

    /**
     * Posts {@code event}; returns the response status. The current OpenTelemetry span (the
     * function's handling of the event that led to this one) goes along: as the W3C headers of
     * this hop, and as the event's tracing extension unless it names its trace already.
     *
     * @throws SinkException when the sink is unreachable or answers other than 2xx
     */
    public int send(CloudEvent event) {
        HttpRequest.Builder request = HttpRequest.newBuilder(sink).timeout(timeout);
        Context current = Context.current();
        EventTrace.inject(current, request::header);
        byte[] body = CloudEventHttp.writeBinary(EventTrace.startedIn(event, current), request::header);
        try {
            HttpResponse<String> response =
                    http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SinkException("sink " + sink + " answered " + response.statusCode() + " for event "
                        + event.getId() + ": " + response.body());
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new SinkException("sink " + sink + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("interrupted while sending to " + sink, e);
        }
    }

    /** A sink did not take an event. */
    public static final class SinkException extends RuntimeException {
        public SinkException(String message) {
            super(message);
        }

        public SinkException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
