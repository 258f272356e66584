package io.ztrade.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.ztrade.events.http.CloudEventHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CloudEventHttpTest {

    private static Map<String, String> binaryHeaders() {
        Map<String, String> h = new HashMap<>();
        h.put("ce-specversion", "1.0");
        h.put("ce-id", "e-1");
        h.put("ce-source", "/test");
        h.put("ce-type", EventTypes.BACKTEST_REQUESTED);
        h.put("content-type", "application/json");
        return h;
    }

    @Test
    void shouldReadABinaryModeEvent() {
        CloudEvent e = CloudEventHttp.read(binaryHeaders()::get, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(e.getId()).isEqualTo("e-1");
        assertThat(e.getSource()).isEqualTo(URI.create("/test"));
        assertThat(e.getType()).isEqualTo(EventTypes.BACKTEST_REQUESTED);
        assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "type", "specversion"})
    void shouldNameTheMissingBinaryAttribute(String attribute) {
        Map<String, String> h = binaryHeaders();
        h.remove("ce-" + attribute);
        assertThatThrownBy(() -> CloudEventHttp.read(h::get, new byte[0]))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(attribute));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "type", "specversion"})
    void shouldNameTheMissingStructuredAttribute(String attribute) {
        Map<String, Object> event = new HashMap<>(Map.of("specversion", "1.0", "id", "e-1", "source", "/test", "type",
                EventTypes.BACKTEST_REQUESTED, "data", Map.of("a", 1)));
        event.remove(attribute);
        byte[] body = EventCodec.encode(event);
        Map<String, String> h = Map.of("content-type", "application/cloudevents+json");
        assertThatThrownBy(() -> CloudEventHttp.read(h::get, body))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(attribute));
    }

    @Test
    void shouldRejectAnUnsupportedSpecVersion() {
        Map<String, String> h = binaryHeaders();
        h.put("ce-specversion", "0.3");
        assertThatThrownBy(() -> CloudEventHttp.read(h::get, new byte[0]))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("specversion"));
    }

    @Test
    void shouldRoundTripStructuredMode() {
        CloudEvent original = CloudEventBuilder.v1().withId("x").withSource(URI.create("/s")).withType("io.ztrade.trading.tick")
                .withDataContentType("application/json").withData("{\"agents\":[]}".getBytes(StandardCharsets.UTF_8)).build();
        Map<String, String> headers = new HashMap<>();
        byte[] body = CloudEventHttp.writeStructured(original, (k, v) -> headers.put(k.toLowerCase(), v));
        CloudEvent back = CloudEventHttp.read(headers::get, body);
        assertThat(back.getId()).isEqualTo("x");
        assertThat(back.getType()).isEqualTo("io.ztrade.trading.tick");
        assertThat(new String(back.getData().toBytes(), StandardCharsets.UTF_8)).contains("agents");
    }
}
