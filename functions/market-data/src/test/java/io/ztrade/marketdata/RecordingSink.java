package io.ztrade.marketdata;

import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ztrade.events.http.CloudEventHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The function's K_SINK in tests: a local HTTP server that records every CloudEvent it takes (202). */
public class RecordingSink implements QuarkusTestResourceLifecycleManager {

    static final List<CloudEvent> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ClassLoader application = RecordingSink.class.getClassLoader();
        server.createContext("/", exchange -> {
            Thread.currentThread().setContextClassLoader(application);
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            RECEIVED.add(CloudEventHttp.read(headers, body));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        return Map.of("ztrade.function.sink.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
