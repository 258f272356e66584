package io.ztrade.sentiment.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.sentiment.core.SourceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * GET of a JSON document with a timeout and the source's headers; anything but a 200 with an
 * {@code application/json} body that parses is a {@link SourceException} (the source is missing for
 * this run; the next scheduled run tries again). Optionally spaced by a minimum interval between
 * requests (SEC EDGAR allows 10 per second).
 */
public final class JsonHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final long minIntervalNanos;
    private long lastRequest;

    public JsonHttp(Duration timeout, Map<String, String> headers, Duration minInterval) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.headers = Map.copyOf(headers);
        this.minIntervalNanos = minInterval.toNanos();
    }

    public JsonNode get(String source, URI uri) {
        pace();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        headers.forEach(b::header);
        HttpResponse<byte[]> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new SourceException(source + ": no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new SourceException(source + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(source + ": interrupted", e);
        }
        if (r.statusCode() != 200) {
            throw new SourceException(source + ": answered " + r.statusCode()
                    + r.headers().firstValue("Retry-After").map(a -> " (Retry-After " + a + ")").orElse(""));
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new SourceException(source + ": answered content type '" + type + "', expected application/json");
        }
        try {
            JsonNode root = JSON.readTree(r.body());
            if (root == null || root.isMissingNode()) {
                throw new SourceException(source + ": answered an empty body");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new SourceException(source + ": answered malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SourceException(source + ": unreadable answer", e);
        }
    }

    private synchronized void pace() {
        if (minIntervalNanos <= 0) {
            return;
        }
        long wait = lastRequest + minIntervalNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("interrupted while pacing requests", e);
            }
        }
        lastRequest = System.nanoTime();
    }

    /** {@code path} below {@code base}, keeping the base's own path (a fixture server under /fixtures). */
    static URI at(URI base, String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw new SourceException(where + "." + field + " is missing or not a string");
        }
        return v.asText();
    }
}
