package io.ztrade.dev.emulator.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber for tests: an HTTP server that records every request and answers as told, per
 * path. Controlled over HTTP (the tests run in another class loader than the test resource that
 * starts it):
 *
 * <ul>
 *   <li>{@code GET /_recorder/requests?path=/p}: what {@code /p} received, oldest first
 *   <li>{@code POST /_recorder/behaviour?path=/p} with a body of comma-separated steps, the last
 *       one repeating: {@code 202}, {@code 503:busy} (status and body), {@code reply:TYPE} (200
 *       with a binary-mode CloudEvent of that type, the request's data as data),
 *       {@code sleep:MILLIS:STATUS}, {@code drop} (the connection closes without a response)
 * </ul>
 */
public final class Recorder implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, List<Map<String, Object>>> requests = new ConcurrentHashMap<>();
    private final Map<String, List<String>> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public Recorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "recorder");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getQuery();
            String target = query != null && query.startsWith("path=") ? java.net.URLDecoder.decode(query.substring(5), StandardCharsets.UTF_8) : null;
            byte[] body = ex.getRequestBody().readAllBytes();
            if (path.equals("/_recorder/requests")) {
                respond(ex, 200, "application/json", JSON.writeValueAsBytes(requests.getOrDefault(target, List.of())), Map.of());
                return;
            }
            if (path.equals("/_recorder/behaviour")) {
                behaviours.put(target, List.of(new String(body, StandardCharsets.UTF_8).strip().split("\\s*,\\s*")));
                calls.remove(target);
                respond(ex, 204, null, new byte[0], Map.of());
                return;
            }
            Map<String, Object> record = new LinkedHashMap<>();
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            record.put("headers", headers);
            record.put("body", new String(body, StandardCharsets.UTF_8));
            requests.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>()).add(record);
            List<String> steps = behaviours.getOrDefault(path, List.of("202"));
            int n = calls.computeIfAbsent(path, k -> new AtomicInteger()).getAndIncrement();
            String step = steps.get(Math.min(n, steps.size() - 1));
            if (step.startsWith("sleep:")) {
                String[] parts = step.split(":", 3);
                Thread.sleep(Long.parseLong(parts[1]));
                step = parts[2];
            }
            if (step.equals("drop")) {
                // as if the process died mid-request: the connection closes without a response
                throw new IOException("dropped on purpose");
            }
            if (step.startsWith("reply:")) {
                Map<String, String> ce = new LinkedHashMap<>();
                ce.put("ce-specversion", "1.0");
                ce.put("ce-id", UUID.randomUUID().toString());
                ce.put("ce-source", "/recorder" + path);
                ce.put("ce-type", step.substring("reply:".length()));
                respond(ex, 200, headers.getOrDefault("content-type", "application/json"), body, ce);
                return;
            }
            int colon = step.indexOf(':');
            int status = Integer.parseInt(colon < 0 ? step : step.substring(0, colon));
            byte[] out = colon < 0 ? new byte[0] : step.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
            respond(ex, status, "text/plain", out, Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange ex, int status, String contentType, byte[] body, Map<String, String> headers) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().add("content-type", contentType);
        }
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
