package io.ztrade.dev.emulator.api;

import io.cloudevents.CloudEvent;
import io.ztrade.dev.emulator.Platform;
import io.ztrade.dev.emulator.broker.BrokerKey;
import io.ztrade.dev.emulator.log.EventLog;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.http.CloudEventHttp;
import io.ztrade.events.http.UnsupportedEventFormatException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The broker ingress, {@code POST /<namespace>/<broker>} as Knative's: a CloudEvent in binary or
 * structured mode; {@code 202} once it is durably in the broker's Kafka topic, {@code 400} naming
 * the bad attribute (the CloudEvents 1.0 rules of {@code CloudEventRules}), {@code 415} for batched
 * mode, {@code 404} for a broker the manifests do not declare.
 */
@Path("/{namespace}/{broker}")
public class BrokerIngress {

    private static final Logger LOG = Logger.getLogger(BrokerIngress.class);

    private final Platform platform;

    public BrokerIngress(Platform platform) {
        this.platform = platform;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(@PathParam("namespace") String namespace, @PathParam("broker") String name, @Context HttpHeaders headers,
            byte[] body) {
        if (!platform.ready()) {
            return error(Response.Status.SERVICE_UNAVAILABLE, "the platform is starting or stopping", null);
        }
        BrokerKey key = new BrokerKey(namespace, name);
        if (platform.eventing().broker(key).isEmpty()) {
            return error(Response.Status.NOT_FOUND, "no broker " + key + " (brokers: "
                    + platform.eventing().brokers().keySet().stream().map(BrokerKey::path).toList() + ")", null);
        }
        CloudEvent event;
        try {
            event = CloudEventHttp.readHeaders(headers.getRequestHeaders(), body);
        } catch (UnsupportedEventFormatException e) {
            return error(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), e.field());
        } catch (InvalidEventException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
        }
        try {
            EventLog.Entry entry = platform.eventing().append(key, event, EventLog.Via.INGRESS, null).get(30, TimeUnit.SECONDS);
            return Response.accepted().header("ztrade-event-seq", entry.seq()).build();
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.errorf("broker %s: event %s not stored: %s", key, event.getId(), cause.getMessage());
            return error(Response.Status.SERVICE_UNAVAILABLE, "the event could not be stored: " + cause.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(Response.Status.SERVICE_UNAVAILABLE, "interrupted while storing the event", null);
        }
    }

    static Response error(Response.Status status, String message, String field) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
