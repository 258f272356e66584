package io.ztrade.dev.emulator;

import static io.restassured.RestAssured.given;
import static io.ztrade.dev.emulator.support.Api.behave;
import static io.ztrade.dev.emulator.support.Api.event;
import static io.ztrade.dev.emulator.support.Api.newId;
import static io.ztrade.dev.emulator.support.Api.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.ztrade.dev.emulator.support.BasicPlatform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * W3C Trace Context through the broker: the trace an event started in travels as its
 * {@code traceparent} extension, unchanged; each delivery is a span of that trace whose id the
 * subscriber gets in the {@code traceparent} header; a reply continues the trace.
 */
@QuarkusTest
@TestProfile(BasicPlatform.class)
class TracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @BeforeEach
    void subscribers() {
        behave("/traced", "reply:test.traced.reply");
        behave("/traced-reply", "202");
    }

    private static RequestSpecification traced(String id) {
        return given().header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/tests")
                .header("ce-type", "test.traced").contentType(ContentType.JSON).body("{\"n\":1}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> delivered(String path, String header, String value) {
        await().atMost(Duration.ofSeconds(20)).until(() -> received(path).stream()
                .anyMatch(r -> value.equals(((Map<String, String>) r.get("headers")).get(header))));
        return received(path).stream().map(r -> (Map<String, String>) r.get("headers")).filter(h -> value.equals(h.get(header)))
                .findFirst().orElseThrow();
    }

    private static String traceId(String traceparent) {
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.split("-")[1];
    }

    private static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    @Test
    void theCallersTraceGoesThroughTheBrokerToTheSubscriberAndOnToTheReplysSubscriber() {
        String id = newId("traced");
        traced(id).header("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01").post("/ztrade/default").then().statusCode(202);

        Map<String, String> first = delivered("/traced", "ce-id", id);
        // The event names the trace it started in: the caller's, through the ingress's span.
        assertThat(traceId(first.get("ce-traceparent"))).isEqualTo(TRACE);
        // The hop: the broker's delivery span, a child in the same trace, not the caller's span.
        assertThat(traceId(first.get("traceparent"))).isEqualTo(TRACE);
        assertThat(spanId(first.get("traceparent"))).isNotEqualTo(CALLER_SPAN).isNotEqualTo(spanId(first.get("ce-traceparent")));
        assertThat(event(id).getString("event.attributes.traceparent")).isEqualTo(first.get("ce-traceparent"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !event(id).getList("event.replies").isEmpty());
        String replyId = event(id).getString("event.replies[0].id");
        Map<String, String> reply = delivered("/traced-reply", "ce-id", replyId);
        // The reply started in the delivery that it answered.
        assertThat(reply.get("ce-traceparent")).isEqualTo(first.get("traceparent"));
        assertThat(traceId(reply.get("traceparent"))).isEqualTo(TRACE);
        assertThat(spanId(reply.get("traceparent"))).isNotEqualTo(spanId(first.get("traceparent")));
    }

    @Test
    void anEventThatNamesItsTraceKeepsItAndEachDeliveryIsASpanOfIt() {
        String id = newId("traced");
        String started = "00-0af7651916cd43dd8448eb211c80319c-b9c7c989f97918e1-01";
        traced(id).header("ce-traceparent", started).header("ce-tracestate", "rojo=b9c7c989f97918e1").post("/ztrade/default")
                .then().statusCode(202);

        Map<String, String> h = delivered("/traced", "ce-id", id);
        assertThat(h).containsEntry("ce-traceparent", started).containsEntry("ce-tracestate", "rojo=b9c7c989f97918e1");
        assertThat(traceId(h.get("traceparent"))).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(spanId(h.get("traceparent"))).isNotEqualTo("b9c7c989f97918e1");
        assertThat(h.get("tracestate")).isEqualTo("rojo=b9c7c989f97918e1");
    }

    @Test
    void anEventWithoutATraceStartsOne() {
        String id = newId("traced");
        traced(id).post("/ztrade/default").then().statusCode(202);

        Map<String, String> h = delivered("/traced", "ce-id", id);
        String started = h.get("ce-traceparent");
        assertThat(traceId(h.get("traceparent"))).isEqualTo(traceId(started));
        assertThat(started).doesNotContain("-" + "0".repeat(32) + "-");
    }

    @Test
    void aMalformedTraceparentExtensionIsRejectedNamingItAndNothingIsStored() {
        String id = newId("traced");
        traced(id).header("ce-traceparent", "00-not-a-trace-01").post("/ztrade/default").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("traceparent"));
        given().get("/api/events/{id}", id).then().statusCode(404);
        assertThat(io.ztrade.dev.emulator.support.Api.receivedIds("/traced")).doesNotContain(id);
    }

    @Test
    void aMalformedTraceparentHeaderIsIgnoredAsW3cSaysAndTheEventStartsItsOwnTrace() {
        String id = newId("traced");
        traced(id).header("traceparent", "garbage").post("/ztrade/default").then().statusCode(202);
        Map<String, String> h = delivered("/traced", "ce-id", id);
        assertThat(traceId(h.get("traceparent"))).isEqualTo(traceId(h.get("ce-traceparent")));
        assertThat(List.of(h.get("ce-traceparent"))).noneMatch(v -> v.contains("garbage"));
    }
}
