package io.ztrade.trading;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ztrade.testtools.RecordingHttpSink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The function's K_SINK in tests: records the events it emits (signals, halts). */
public class RecordingSink implements QuarkusTestResourceLifecycleManager {

    static RecordingHttpSink sink;

    /** Bodies of the recorded events of {@code type}. */
    static List<String> bodies(String type) {
        return sink.requests().stream().filter(r -> type.equals(r.headers().get("ce-type")))
                .map(r -> new String(r.body(), StandardCharsets.UTF_8)).toList();
    }

    @Override
    public Map<String, String> start() {
        sink = RecordingHttpSink.start(RecordingSink.class.getClassLoader());
        return Map.of("ztrade.function.sink.url", sink.url().toString());
    }

    @Override
    public void stop() {
        sink.close();
    }
}
