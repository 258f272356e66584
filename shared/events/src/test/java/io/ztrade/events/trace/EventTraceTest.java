package io.ztrade.events.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.http.CloudEventHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The distributed tracing extension: the trace an event started in, each hop's own headers, strict values. */
class EventTraceTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

    private static CloudEvent event() {
        return CloudEventBuilder.v1().withId("e-1").withSource(URI.create("/test")).withType("t").build();
    }

    /** Binary-mode headers of an event whose {@code traceparent} extension is {@code traceparent}. */
    private static Map<String, String> binary(String traceparent) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce-specversion", "1.0");
        h.put("ce-id", "e-1");
        h.put("ce-source", "/test");
        h.put("ce-type", "t");
        h.put("ce-traceparent", traceparent);
        return h;
    }

    private static Context span(String traceId, String spanId) {
        return Context.root().with(Span.wrap(SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault())));
    }

    @Test
    void anEventWithoutTheExtensionStartsInTheCurrentSpan() {
        CloudEvent e = EventTrace.startedIn(event(), span(TRACE, "a3ce929d0e0e4736"));
        assertThat(e.getExtension(EventTrace.TRACEPARENT)).isEqualTo("00-" + TRACE + "-a3ce929d0e0e4736-01");
        assertThat(EventTrace.traceId(e)).contains(TRACE);
        assertThat(Span.fromContext(EventTrace.started(e)).getSpanContext().getSpanId()).isEqualTo("a3ce929d0e0e4736");
    }

    @Test
    void theTraceAnEventStartedInIsNeverRewrittenOnTheWay() {
        CloudEvent started = CloudEventBuilder.v1(event()).withExtension(EventTrace.TRACEPARENT, PARENT).build();
        CloudEvent later = EventTrace.startedIn(started, span("0af7651916cd43dd8448eb211c80319c", "b9c7c989f97918e1"));
        assertThat(later.getExtension(EventTrace.TRACEPARENT)).isEqualTo(PARENT);
    }

    @Test
    void noSpanAddsNothing() {
        assertThat(EventTrace.startedIn(event(), Context.root()).getExtensionNames()).isEmpty();
        Map<String, String> headers = new LinkedHashMap<>();
        EventTrace.inject(Context.root(), headers::put);
        assertThat(headers).isEmpty();
        assertThat(EventTrace.traceId(event())).isEmpty();
    }

    @Test
    void aHopCarriesItsOwnSpanInTheW3cHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        EventTrace.inject(span(TRACE, "a3ce929d0e0e4736"), headers::put);
        assertThat(headers).containsEntry("traceparent", "00-" + TRACE + "-a3ce929d0e0e4736-01");
        SpanContext back = Span.fromContext(EventTrace.extract(headers::get)).getSpanContext();
        assertThat(back.getTraceId()).isEqualTo(TRACE);
        assertThat(back.isRemote()).isTrue();
    }

    @Test
    void aMalformedHopHeaderStartsNoTrace() {
        SpanContext none = Span.fromContext(EventTrace.extract(Map.of("traceparent", "00-zz-yy-01")::get)).getSpanContext();
        assertThat(none.isValid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "00-" + TRACE + "-00f067aa0ba902b7", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-" + TRACE + "-0000000000000000-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "ff-" + TRACE + "-00f067aa0ba902b7-01"})
    void aBinaryEventWithAMalformedTraceparentExtensionIsRejectedNamingIt(String value) {
        Map<String, String> h = binary(value);
        assertThatThrownBy(() -> CloudEventHttp.read(h, new byte[0]))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("traceparent"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"garbage\"", "true", "12"})
    void aStructuredEventWithAMalformedTraceparentIsRejectedNamingIt(String json) {
        byte[] body = ("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/test\",\"type\":\"t\",\"traceparent\":" + json + "}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CloudEventHttp.read(Map.of("content-type", "application/cloudevents+json"), body))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("traceparent"));
    }

    @Test
    void aValidTraceparentExtensionIsReadAsTheTraceTheEventStartedIn() {
        Map<String, String> h = binary(PARENT);
        h.put("ce-tracestate", "rojo=00f067aa0ba902b7");
        CloudEvent e = CloudEventHttp.read(h, new byte[0]);
        assertThat(EventTrace.traceId(e)).contains(TRACE);
        assertThat(Span.fromContext(EventTrace.started(e)).getSpanContext().getTraceState().get("rojo")).isEqualTo("00f067aa0ba902b7");
    }
}
