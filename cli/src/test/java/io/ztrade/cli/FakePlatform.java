package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ztrade.events.EventCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The platform's HTTP surface as the command line sees it, in the test JVM: a broker ingress that
 * records what it receives, and API answers the test chooses.
 */
final class FakePlatform implements AutoCloseable {

    record Request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Response(int status, String body) {
        static Response json(int status, JsonNode body) {
            return new Response(status, body.toString());
        }
    }

    private final HttpServer server;
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Request, Response> api = r -> new Response(404, "{\"error\":\"not found\"}");
    private volatile Response broker = new Response(202, "");

    FakePlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    URI broker() {
        return base().resolve("/ztrade/default");
    }

    /** How the broker answers every POST to /ztrade/default. */
    FakePlatform brokerAnswers(int status, String body) {
        broker = new Response(status, body);
        return this;
    }

    /** How GET /api/... is answered. */
    FakePlatform api(Function<Request, Response> answers) {
        api = answers;
        return this;
    }

    List<Request> posts() {
        synchronized (requests) {
            return requests.stream().filter(r -> r.method().equals("POST")).toList();
        }
    }

    List<Request> gets(String pathPrefix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.method().equals("GET") && r.path().startsWith(pathPrefix)).toList();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getQuery(), headers,
                ex.getRequestBody().readAllBytes());
        requests.add(r);
        Response response = r.method().equals("POST") && r.path().equals("/ztrade/default") ? broker : api.apply(r);
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("content-type", "application/json");
        ex.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** An event as {@code /api/events} shows it. */
    static ObjectNode event(long seq, String id, String source, String type, Object data, String status) {
        ObjectNode e = PlatformClient.JSON.createObjectNode();
        e.put("seq", seq).put("id", id).put("source", source).put("type", type).put("status", status)
                .put("receivedAt", "2026-01-02T03:04:05.678Z");
        ObjectNode attributes = e.putObject("attributes");
        attributes.put("specversion", "1.0").put("id", id).put("source", source).put("type", type)
                .put("datacontenttype", "application/json");
        if (data != null) {
            e.set("data", data instanceof JsonNode n ? n : EventCodec.toTree(data));
        }
        e.putArray("matched");
        e.putArray("deliveries");
        return e;
    }

    /** {@code GET /api/events/{id}}: the event and the replies it caused. */
    static ObjectNode withReplies(ObjectNode event, ObjectNode... replies) {
        ObjectNode out = PlatformClient.JSON.createObjectNode();
        out.set("event", event);
        var chain = out.putArray("replyChain");
        for (ObjectNode r : replies) {
            chain.add(r);
        }
        return out;
    }
}
