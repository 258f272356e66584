package io.ztrade.testtools;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP endpoint that takes every POST with 202 and records it (headers lower-cased, body):
 * a function's {@code K_SINK} in tests. Plain JDK, on a free loopback port.
 */
public final class RecordingHttpSink implements AutoCloseable {

    /** One request as it came. */
    public record Request(Map<String, String> headers, byte[] body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private RecordingHttpSink(HttpServer server) {
        this.server = server;
    }

    /** Starts one; {@code contextLoader} becomes the handler threads' context class loader (the SDKs look up formats through it). */
    public static RecordingHttpSink start(ClassLoader contextLoader) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RecordingHttpSink sink = new RecordingHttpSink(server);
        server.createContext("/", exchange -> {
            Thread.currentThread().setContextClassLoader(contextLoader);
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            sink.requests.add(new Request(Map.copyOf(headers), body));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        return sink;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Every request so far, oldest first. */
    public List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
