package io.ztrade.dev.emulator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.scheduler.Trigger;
import io.ztrade.dev.emulator.Platform;
import io.ztrade.dev.emulator.broker.BrokerRuntime;
import io.ztrade.dev.emulator.broker.TriggerRuntime;
import io.ztrade.dev.emulator.delivery.DeliveryPolicy;
import io.ztrade.dev.emulator.delivery.Target;
import io.ztrade.dev.emulator.log.Views;
import io.ztrade.dev.emulator.routing.ServiceView;
import io.ztrade.dev.emulator.sources.KafkaSources;
import io.ztrade.dev.emulator.sources.PingSources;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The platform as JSON, for the status page and the {@code ztrade} command line. The shapes are
 * documented in the module README ("The JSON API") and kept stable.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ApiResource {

    private final Platform platform;
    private final Jobs jobs;

    public ApiResource(Platform platform, Jobs jobs) {
        this.platform = platform;
        this.jobs = jobs;
    }

    /** Addresses of the platform. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlatformView(boolean ready, String statusPage, String brokerUrl, List<String> brokers, String orderbookUrl,
            String orderbookTokenFile) {}

    /** A delivery spec, resolved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(int retry, String backoffPolicy, String backoffDelay, String timeout, String deadLetterSink,
            String format) {}

    /** A Broker. */
    public record BrokerView(String namespace, String name, String brokerClass, String address, String topic, int partitions,
            DeliveryView delivery, List<String> triggers, int inFlight) {}

    /** A Trigger. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TriggerView(String namespace, String name, String broker, String filter, Object filterSpec, String subscriber,
            DeliveryView delivery) {}

    /** A PingSource. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PingView(String namespace, String name, String schedule, String timezone, String sink, String contentType,
            String data, Instant nextFireAt, Instant lastFiredAt, String lastResult) {}

    /** Event list with the cursors to ask for what comes next. */
    public record EventList(List<Views.Event> events, long lastSeq, long revision) {}

    @GET
    @Path("platform")
    public PlatformView platform() {
        if (!platform.ready()) {
            return new PlatformView(false, null, null, List.of(), null, null);
        }
        String base = platform.baseUrl().toString();
        return new PlatformView(true, base + "/",
                platform.sinkBroker().map(k -> base + k.path()).orElse(null),
                platform.eventing().brokers().keySet().stream().map(k -> base + k.path()).toList(),
                platform.orderbookUrl().map(Object::toString).orElse(null), platform.orderbookTokenFile().toString());
    }

    @GET
    @Path("brokers")
    public List<BrokerView> brokers() {
        requireReady();
        List<BrokerView> out = new ArrayList<>();
        for (BrokerRuntime b : platform.eventing().brokers().values()) {
            out.add(new BrokerView(b.key().namespace(), b.key().name(), b.brokerClass(), platform.baseUrl() + b.key().path(),
                    b.key().topic(), b.partitions(), delivery(b.delivery(), b.deadLetterSink()),
                    b.triggers().stream().map(TriggerRuntime::name).toList(), platform.eventing().inFlight(b.key())));
        }
        return out;
    }

    @GET
    @Path("triggers")
    public List<TriggerView> triggers() {
        requireReady();
        List<TriggerView> out = new ArrayList<>();
        for (BrokerRuntime b : platform.eventing().brokers().values()) {
            for (TriggerRuntime t : b.triggers()) {
                var spec = t.trigger().getSpec();
                Object filterSpec = spec.getFilters() != null && !spec.getFilters().isEmpty()
                        ? Map.of("filters", spec.getFilters())
                        : spec.getFilter() == null ? null : Map.of("filter", spec.getFilter());
                out.add(new TriggerView(t.namespace(), t.name(), b.key().toString(), t.filter().toString(), filterSpec,
                        t.subscriber().describe(), delivery(t.delivery(), t.deadLetterSink())));
            }
        }
        return out;
    }

    private static DeliveryView delivery(DeliveryPolicy p, Target dls) {
        return new DeliveryView(p.retry(), p.backoff().name().toLowerCase(Locale.ROOT), p.backoffDelay().toString(),
                p.timeout().toString(), dls == null ? null : dls.describe(), p.structured() ? "json" : "binary");
    }

    @GET
    @Path("services")
    public List<ServiceView> services() {
        requireReady();
        return platform.services().status();
    }

    @GET
    @Path("sources")
    public Map<String, Object> sources() {
        requireReady();
        List<PingView> pings = new ArrayList<>();
        for (PingSources.Ping p : platform.pings().all()) {
            Trigger job = platform.scheduler().getScheduledJob(Platform.PING_JOB + p.id());
            var spec = p.source().getSpec();
            pings.add(new PingView(p.source().getMetadata().getNamespace(), p.source().getMetadata().getName(),
                    spec.getSchedule(), p.schedule().zone(), p.sink().describe(), spec.getContentType(),
                    spec.getData() != null ? spec.getData() : spec.getDataBase64(),
                    job == null ? null : job.getNextFireTime(), p.lastFired().orElse(null), p.lastResult().orElse(null)));
        }
        List<Object> kafka = new ArrayList<>();
        for (KafkaSources.Source s : platform.kafkaSources().all()) {
            kafka.add(platform.kafkaSources().describe(s));
        }
        return Map.of("pingSources", pings, "kafkaSources", kafka);
    }

    /**
     * Events, oldest first.
     *
     * @param after        only events with {@code seq} above this (new events since a previous call)
     * @param changedSince only events whose record changed after this revision (new deliveries, attempts, replies)
     * @param type         only events of this CloudEvent type
     * @param limit        at most this many (the newest), 1..1000
     */
    @GET
    @Path("events")
    public EventList events(@QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("changedSince") @DefaultValue("0") long changedSince,
            @QueryParam("type") String type, @QueryParam("limit") @DefaultValue("100") int limit) {
        requireReady();
        if (limit < 1 || limit > 1000) {
            throw new BadRequest("limit", "must be between 1 and 1000, was " + limit);
        }
        var log = platform.eventing().log();
        long revision = log.revision();
        long lastSeq = log.lastSeq();
        List<Views.Event> events = log.events(after, changedSince, limit, a -> type == null || Objects.equals(type, a.get("type")));
        return new EventList(events, lastSeq, revision);
    }

    /** One event (the newest with this id, or with this id and source) and every event its replies caused. */
    @GET
    @Path("events/{id}")
    public Response event(@PathParam("id") String id, @QueryParam("source") String source) {
        requireReady();
        var log = platform.eventing().log();
        return log.event(id, source)
                .map(e -> Response.ok(new Views.EventWithReplies(e, log.replyChain(e.seq()))).build())
                .orElseGet(() -> BrokerIngress.error(Response.Status.NOT_FOUND,
                        "no event with id '" + id + "'" + (source == null ? "" : " and source '" + source + "'") + " in the event log", null));
    }

    @GET
    @Path("deadletters")
    public List<Views.DeadLetter> deadLetters(@QueryParam("limit") @DefaultValue("100") int limit) {
        requireReady();
        if (limit < 1 || limit > 1000) {
            throw new BadRequest("limit", "must be between 1 and 1000, was " + limit);
        }
        return platform.eventing().log().deadLetters(limit);
    }

    @GET
    @Path("jobs")
    public List<Jobs.Job> jobs(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("50") int limit)
            throws SQLException {
        if (status != null && !Jobs.STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            throw new BadRequest("status", "must be one of " + Jobs.STATUSES + ", was '" + status + "'");
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequest("limit", "must be between 1 and 1000, was " + limit);
        }
        return jobs.recent(status, limit);
    }

    private void requireReady() {
        if (!platform.ready()) {
            throw new jakarta.ws.rs.WebApplicationException(
                    BrokerIngress.error(Response.Status.SERVICE_UNAVAILABLE, "the platform is starting or stopping", null));
        }
    }

    /** A query parameter is out of range: 400 naming it. */
    static final class BadRequest extends jakarta.ws.rs.WebApplicationException {
        BadRequest(String field, String message) {
            super(BrokerIngress.error(Response.Status.BAD_REQUEST, field + ": " + message, field));
        }
    }
}
