package io.ztrade.dev;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.http.CloudEventHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A broker ingress at {@code POST /<namespace>/<broker>} that routes each event by type to one
 * subscriber, delivers asynchronously with retries, and feeds replies back in, as a Knative Broker
 * with one Trigger per type would.
 */
final class DirectBroker implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, URI> routes;
    private final ExecutorService deliveries = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DirectBroker(HttpServer server, Map<String, URI> routes) {
        this.server = server;
        this.routes = routes;
    }

    static DirectBroker start(int port, String namespace, String broker, Map<String, URI> routes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        DirectBroker b = new DirectBroker(server, routes);
        server.createContext("/" + namespace + "/" + broker, b::ingress);
        server.createContext("/", exchange -> b.respond(exchange, 404, "{\"error\":\"unknown broker\"}"));
        server.start();
        return b;
    }

    private void ingress(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"POST a CloudEvent\"}");
            return;
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        CloudEvent event;
        try {
            event = CloudEventHttp.read(headers, exchange.getRequestBody().readAllBytes());
        } catch (InvalidEventException e) {
            respond(exchange, 400, "{\"error\":\"invalid event\",\"field\":\"" + e.field() + "\"}");
            return;
        }
        respond(exchange, 202, "");
        LocalPlatform.log("event %s %s from %s", event.getType(), event.getId(), event.getSource());
        deliveries.submit(() -> deliver(event));
    }

    private void deliver(CloudEvent event) {
        URI target = routes.get(event.getType());
        if (target == null) {
            return;
        }
        for (int attempt = 1; attempt <= 10; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(5));
            byte[] body = CloudEventHttp.writeBinary(event, request::header);
            try {
                HttpResponse<byte[]> r = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                LocalPlatform.log("  -> %s %s: %d", target, event.getId(), r.statusCode());
                if (r.statusCode() == 200 && r.headers().firstValue("ce-type").isPresent()) {
                    Map<String, String> h = new HashMap<>();
                    r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v.get(0)));
                    CloudEvent reply = CloudEventHttp.read(h, r.body());
                    LocalPlatform.log("  <- reply %s %s: %s", reply.getType(), reply.getId(),
                            new String(r.body(), StandardCharsets.UTF_8));
                    deliveries.submit(() -> deliver(reply));
                }
                if (r.statusCode() / 100 == 2 || (r.statusCode() / 100 == 4 && r.statusCode() != 404
                        && r.statusCode() != 409 && r.statusCode() != 429)) {
                    return;
                }
            } catch (IOException e) {
                LocalPlatform.log("  -> %s %s: %s", target, event.getId(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        deliveries.shutdownNow();
    }
}
