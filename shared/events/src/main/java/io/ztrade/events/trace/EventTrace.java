package io.ztrade.events.trace;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.ztrade.events.InvalidEventException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * W3C Trace Context on CloudEvents, as the
 * <a href="https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/extensions/distributed-tracing.md">distributed
 * tracing extension</a> and OpenTelemetry's CloudEvents conventions use it:
 *
 * <ul>
 *   <li>the extension attributes {@code traceparent}/{@code tracestate} carry the trace the event
 *       <em>started</em> in (its creation); they are set once, by the producer, or by the broker for
 *       an event that arrives without them, and never rewritten on the way;</li>
 *   <li>the protocol headers ({@code traceparent}/{@code tracestate} in HTTP, next to the
 *       {@code ce-} headers) carry each hop's own span: the broker's delivery, a function's emit.</li>
 * </ul>
 *
 * Parsing and formatting are OpenTelemetry's {@link W3CTraceContextPropagator}; which spans exist
 * is the business of the deployable's OpenTelemetry SDK ({@code quarkus-opentelemetry}). Without
 * one, {@link Context#current()} holds no span and nothing is added.
 */
public final class EventTrace {

    /** The extension attribute (and HTTP header) naming the trace and parent span. */
    public static final String TRACEPARENT = "traceparent";
    /** The extension attribute (and HTTP header) with vendor-specific trace state. */
    public static final String TRACESTATE = "tracestate";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Function<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    };

    private EventTrace() {}

    /**
     * Checks the value of a {@code traceparent} extension: a W3C {@code traceparent} with a valid,
     * non-zero trace id and parent id.
     *
     * @throws InvalidEventException naming {@code traceparent} when it is not
     */
    public static void checkTraceparent(String value) {
        if (!Span.fromContext(extract(value, null)).getSpanContext().isValid()) {
            throw new InvalidEventException(TRACEPARENT, "must be a W3C traceparent such as "
                    + "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 (version-traceid-parentid-flags, non-zero ids)");
        }
    }

    /** The context of the trace {@code event} started in, from its extension; {@link Context#root()} when it has none. */
    public static Context started(CloudEvent event) {
        Object parent = event.getExtension(TRACEPARENT);
        if (parent == null) {
            return Context.root();
        }
        Object state = event.getExtension(TRACESTATE);
        return extract(parent.toString(), state == null ? null : state.toString());
    }

    /** The trace id {@code event} started in (32 hex digits), if it carries a valid {@code traceparent}. */
    public static Optional<String> traceId(CloudEvent event) {
        SpanContext span = Span.fromContext(started(event)).getSpanContext();
        return span.isValid() ? Optional.of(span.getTraceId()) : Optional.empty();
    }

    /**
     * {@code event} with the tracing extension set to the span of {@code context}, unless it
     * carries one already or {@code context} holds no valid span: the event then is returned as it
     * is.
     */
    public static CloudEvent startedIn(CloudEvent event, Context context) {
        if (event.getExtension(TRACEPARENT) != null) {
            return event;
        }
        Map<String, String> headers = headers(context);
        String parent = headers.get(TRACEPARENT);
        if (parent == null) {
            return event;
        }
        CloudEventBuilder b = CloudEventBuilder.v1(event).withExtension(TRACEPARENT, parent);
        String state = headers.get(TRACESTATE);
        if (state != null) {
            b.withExtension(TRACESTATE, state);
        }
        return b.build();
    }

    /** Puts the W3C headers of {@code context}'s span (a hop's own), if it holds a valid one. */
    public static void inject(Context context, BiConsumer<String, String> header) {
        headers(context).forEach(header);
    }

    /** The context a hop's W3C headers name, on top of {@link Context#root()}; invalid or absent headers give the root. */
    public static Context extract(Function<String, String> header) {
        return W3C.extract(Context.root(), header, GETTER);
    }

    private static Context extract(String traceparent, String tracestate) {
        return W3C.extract(Context.root(), key -> switch (key) {
            case TRACEPARENT -> traceparent;
            case TRACESTATE -> tracestate;
            default -> null;
        }, GETTER);
    }

    private static Map<String, String> headers(Context context) {
        Map<String, String> out = new HashMap<>(2);
        if (Span.fromContext(context).getSpanContext().isValid()) {
            W3C.inject(context, out, Map::put);
        }
        return out;
    }
}
