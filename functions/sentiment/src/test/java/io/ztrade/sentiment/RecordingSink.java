package io.ztrade.sentiment;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ztrade.testtools.RecordingHttpSink;
import java.util.List;
import java.util.Map;

/** The function's K_SINK in tests: records the events it takes. */
public class RecordingSink implements QuarkusTestResourceLifecycleManager {

    static RecordingHttpSink sink;

    static List<String> subjects() {
        return sink.requests().stream().map(r -> String.valueOf(r.headers().get("ce-subject"))).toList();
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
