package io.ztrade.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.ztrade.events.EventCodec;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.http.CloudEventHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Stands in front of the Funqy endpoint: a CloudEvent that is malformed, misses a required attribute
 * or has a type this function does not accept is answered 400 naming the attribute, before anything
 * runs. Failures of the function are mapped too: {@link InvalidEventException} to 400 naming the
 * field, {@link JobBusyException} to 429 (Knative's delivery retries it), anything else to 500 with a
 * JSON body.
 */
@ApplicationScoped
public class CloudEventGate {

    private static final Logger LOG = Logger.getLogger(CloudEventGate.class);

    private final FunctionConfig config;

    public CloudEventGate(FunctionConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).failureHandler(this::onFailure);
        router.route(HttpMethod.POST, "/")
                .order(-1000)
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()))
                .handler(this::check);
    }

    private void check(RoutingContext ctx) {
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        try {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : ctx.request().headers().names()) {
                headers.put(name, ctx.request().headers().getAll(name));
            }
            CloudEvent event = CloudEventHttp.readHeaders(headers, body);
            if (!config.acceptedTypes().contains(event.getType())) {
                throw new InvalidEventException("type", "function " + config.name() + " does not accept events of type '"
                        + event.getType() + "'; it accepts " + new TreeSet<>(config.acceptedTypes()));
            }
            String contentType = ctx.request().getHeader("Content-Type");
            if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/cloudevents+json")) {
                // the SDK implies application/json for JSON data; the function's binding does not
                JsonNode declared = EventCodec.readTree(body, "event").get("datacontenttype");
                if (declared == null || !declared.isTextual()) {
                    throw new InvalidEventException("datacontenttype", "is required and must be application/json");
                }
            }
            checkLength("id", event.getId(), MAX_ID_LENGTH);
            checkLength("source", event.getSource().toString(), MAX_SOURCE_LENGTH);
            checkJsonData(event);
        } catch (InvalidEventException e) {
            ErrorResponses.invalid(ctx, e);
            return;
        }
        ctx.next();
    }

    /** Longest {@code id} a job can be recorded under ({@code job_run.event_id}). */
    public static final int MAX_ID_LENGTH = 256;
    /** Longest {@code source} a job can be recorded under ({@code job_run.event_source}). */
    public static final int MAX_SOURCE_LENGTH = 512;

    private static void checkLength(String attribute, String value, int max) {
        if (value.length() > max) {
            throw new InvalidEventException(attribute, "must be at most " + max + " characters, was " + value.length());
        }
    }

    private static void checkJsonData(CloudEvent event) {
        CloudEventData data = event.getData();
        if (data == null) {
            throw new InvalidEventException("data", "is required");
        }
        String contentType = event.getDataContentType();
        if (contentType == null) {
            // The JSON event format would imply application/json; the function's binding reads data
            // by its declared type only, so the type must be said (Knative's sources always say it).
            throw new InvalidEventException("datacontenttype", "is required and must be application/json"
                    + " (in binary mode: the Content-Type header)");
        }
        if (!contentType.startsWith("application/json") && !contentType.endsWith("+json")) {
            throw new InvalidEventException("datacontenttype", "must be application/json, was " + contentType);
        }
        JsonNode tree = EventCodec.readTree(data.toBytes(), "data");
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException("data", "must be a JSON object");
        }
    }

    private void onFailure(RoutingContext ctx) {
        Throwable failure = unwrap(ctx.failure());
        if (failure instanceof InvalidEventException e) {
            ErrorResponses.invalid(ctx, e);
        } else if (failure instanceof JobBusyException e) {
            ctx.response().putHeader("retry-after", "5");
            ErrorResponses.send(ctx, 429, ErrorResponses.error("job busy", e.getMessage()));
        } else if (failure != null) {
            LOG.errorf(failure, "function %s failed", config.name());
            ErrorResponses.send(ctx, 500, ErrorResponses.error("function failed", String.valueOf(failure.getMessage())));
        } else {
            ctx.next();
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        for (int i = 0; i < 10 && cur != null; i++) {
            if (cur instanceof InvalidEventException || cur instanceof JobBusyException) {
                return cur;
            }
            if (!(cur instanceof CompletionException) && cur.getCause() == null) {
                break;
            }
            cur = cur.getCause();
        }
        return t;
    }
}
