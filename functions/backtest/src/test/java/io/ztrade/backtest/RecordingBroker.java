package io.ztrade.backtest;

import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ztrade.events.EventTypes;
import io.ztrade.events.http.CloudEventHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The function's sink in tests: a small broker on a free port that records every event it takes and
 * delivers {@code backtest.requested} back to the function, each one twice at once (a redelivery
 * racing the first delivery), retrying 429 and 5xx answers like Knative's delivery does.
 */
public class RecordingBroker implements QuarkusTestResourceLifecycleManager {

    static final List<CloudEvent> RECEIVED = new CopyOnWriteArrayList<>();
    static final List<Integer> DELIVERY_STATUSES = new CopyOnWriteArrayList<>();
    static volatile URI functionUrl;

    private HttpServer server;
    private ExecutorService deliveries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        deliveries = Executors.newFixedThreadPool(4);
        // The server's threads carry the system class loader, the application's classes live in
        // Quarkus's: the CloudEvents SDK finds its formats through the context class loader.
        ClassLoader application = RecordingBroker.class.getClassLoader();
        server.createContext("/", exchange -> {
            Thread.currentThread().setContextClassLoader(application);
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            CloudEvent event = CloudEventHttp.read(headers, body);
            RECEIVED.add(event);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
            if (EventTypes.BACKTEST_REQUESTED.equals(event.getType()) && functionUrl != null) {
                deliveries.submit(() -> deliver(event));
                deliveries.submit(() -> deliver(event));
            }
        });
        server.start();
        return Map.of("ztrade.function.sink.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void deliver(CloudEvent event) {
        for (int attempt = 0; attempt < 50; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(functionUrl).timeout(Duration.ofSeconds(30));
            byte[] body = CloudEventHttp.writeBinary(event, request::header);
            try {
                HttpResponse<byte[]> response = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                DELIVERY_STATUSES.add(response.statusCode());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                DELIVERY_STATUSES.add(-1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (deliveries != null) {
            deliveries.shutdownNow();
        }
    }
}
