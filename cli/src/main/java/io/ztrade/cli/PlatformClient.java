package io.ztrade.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.ztrade.events.EventCodec;
import io.ztrade.events.http.CloudEventHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The running platform as the command line sees it: the broker ingress (CloudEvents in binary
 * mode) and the emulator's JSON API ({@code /api/...}, documented in compose-dev/emulator).
 */
final class PlatformClient {

    /** Reads what the API returns, ignoring fields this version does not know. */
    static final ObjectMapper JSON = EventCodec.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Duration POLL = Duration.ofMillis(250);

    private final URI base;
    private final HttpClient http;

    /** @param base the platform's address, e.g. {@code http://localhost:8080} (any path is dropped) */
    PlatformClient(URI base) {
        this.base = origin(base);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code scheme://host:port} of {@code url}. */
    static URI origin(URI url) {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority());
    }

    URI base() {
        return base;
    }

    /**
     * Posts {@code event} in binary mode to {@code broker}.
     *
     * @throws CliException not running, or the broker did not accept the event (its answer quoted)
     */
    void emit(URI broker, CloudEvent event) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(broker).timeout(Duration.ofSeconds(30));
        byte[] body = CloudEventHttp.writeBinary(event, request::header);
        HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String detail = errorMessage(response.body());
        if (status == 404) {
            throw new CliException(CliException.FAILED, "no broker at " + broker + (detail.isEmpty() ? "" : ": " + detail));
        }
        if (status == 503) {
            throw new CliException(CliException.NOT_RUNNING, "Ztrade at " + base + " is not ready yet: try again in a moment");
        }
        throw new CliException(CliException.FAILED, "the broker rejected event " + event.getId() + " (" + status + ")"
                + (detail.isEmpty() ? "" : ": " + detail));
    }

    /**
     * {@code GET <base><pathAndQuery>} as JSON; {@code null} on 404.
     *
     * @throws CliException not running or not ready, or any other non-200 answer
     */
    JsonNode get(String pathAndQuery) throws InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build());
        return switch (response.statusCode()) {
            case 200 -> parse(response.body());
            case 404 -> null;
            case 503 -> throw new CliException(CliException.NOT_RUNNING, "Ztrade at " + base + " is starting or stopping: try again in a moment");
            default -> throw new CliException(CliException.FAILED, "GET " + pathAndQuery + " answered " + response.statusCode()
                    + ": " + errorMessage(response.body()));
        };
    }

    /**
     * Polls the event log until an event of one of {@code types} follows from event
     * {@code source}+{@code id} as a reply (directly or through further replies).
     *
     * @return that event, as the API shows it ({@code attributes}, {@code data}, ...)
     * @throws CliException when no trigger matched the event, its delivery failed for good, or the
     *                      timeout passed
     */
    JsonNode awaitReply(String id, String source, Set<String> types, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String path = "/api/events/" + encode(id) + "?source=" + encode(source);
        while (true) {
            JsonNode found = get(path);
            if (found != null) {
                for (JsonNode e : found.path("replyChain")) {
                    if (types.contains(e.path("type").asText())) {
                        return e;
                    }
                }
                checkNotStuck(found.path("event"));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new CliException(CliException.FAILED, "no " + String.join(" or ", types) + " followed event " + id + " within "
                        + Format.duration(timeout) + "; see " + base + "/ for its deliveries");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Fails when the event log says nothing more will come of {@code event}. */
    void checkNotStuck(JsonNode event) {
        String status = event.path("status").asText();
        String id = event.path("id").asText();
        if (status.equals("no-match")) {
            throw new CliException(CliException.FAILED, "no Trigger matched event " + id + " (type " + event.path("type").asText()
                    + "): nothing will handle it");
        }
        if (status.equals("failed")) {
            StringBuilder why = new StringBuilder();
            for (JsonNode d : event.path("deliveries")) {
                if (d.path("status").asText().equals("delivered")) {
                    continue;
                }
                JsonNode attempts = d.path("attempts");
                JsonNode last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
                why.append(System.lineSeparator()).append("  trigger ").append(d.path("trigger").asText()).append(" -> ")
                        .append(d.path("subscriber").asText()).append(": ").append(d.path("status").asText());
                if (last != null) {
                    why.append(" after ").append(attempts.size()).append(attempts.size() == 1 ? " attempt" : " attempts").append(", last ")
                            .append(last.hasNonNull("statusCode") ? "answered " + last.get("statusCode").asInt() : last.path("error").asText());
                }
                if (d.hasNonNull("note")) {
                    why.append(" (").append(d.get("note").asText()).append(')');
                }
            }
            throw new CliException(CliException.FAILED, "delivery of event " + id + " failed" + why);
        }
    }

    /** The event as a structured-mode CloudEvent: its attributes, then {@code data} (or {@code data_base64}). */
    static ObjectNode asCloudEvent(JsonNode event) {
        ObjectNode out = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> attributes = event.path("attributes").fields();
        attributes.forEachRemaining(a -> out.set(a.getKey(), a.getValue()));
        if (event.hasNonNull("data")) {
            out.set("data", event.get("data"));
        } else if (event.hasNonNull("dataBase64")) {
            out.set("data_base64", event.get("dataBase64"));
        }
        return out;
    }

    static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw notRunning(e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw notRunning(e);
            }
            throw new CliException(CliException.FAILED, request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        }
    }

    private CliException notRunning(Exception e) {
        return new CliException(CliException.NOT_RUNNING, "Ztrade is not running at " + base + ": start it with ./ztrade up", e);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "the platform answered something that is not JSON: " + e.getMessage(), e);
        }
    }

    /** The {@code message}/{@code error} of a JSON error body, else the body itself (shortened). */
    private static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree != null && tree.isObject()) {
                String field = tree.path("field").asText("");
                String message = tree.hasNonNull("message") ? tree.get("message").asText() : tree.path("error").asText("");
                if (!message.isEmpty()) {
                    return field.isEmpty() || message.contains(field) ? message : field + ": " + message;
                }
            }
        } catch (IOException notJson) {
            // fall through
        }
        String b = body.strip();
        return b.length() > 300 ? b.substring(0, 300) + "..." : b;
    }
}
