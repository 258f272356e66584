package io.ztrade.sentiment;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The function's K_SINK in tests: records the ce-subject of every event it takes (202). */
public class RecordingSink implements QuarkusTestResourceLifecycleManager {

    static final List<String> SUBJECTS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            SUBJECTS.add(String.valueOf(exchange.getRequestHeaders().getFirst("ce-subject")));
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
