package io.ztrade.marketdata;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ztrade.events.http.CloudEventHttp;
import io.ztrade.testtools.RecordingHttpSink;
import java.util.List;
import java.util.Map;

/** The function's K_SINK in tests: records every CloudEvent it takes. */
public class RecordingSink implements QuarkusTestResourceLifecycleManager {

    static RecordingHttpSink sink;

    static List<CloudEvent> received() {
        return sink.requests().stream().map(r -> CloudEventHttp.read(r.headers(), r.body())).toList();
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
