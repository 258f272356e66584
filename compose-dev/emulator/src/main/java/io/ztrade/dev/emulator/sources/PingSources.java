package io.ztrade.dev.emulator.sources;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.fabric8.knative.sources.v1.PingSource;
import io.ztrade.dev.emulator.broker.Eventing;
import io.ztrade.dev.emulator.broker.Routes;
import io.ztrade.dev.emulator.delivery.DeliveryPolicy;
import io.ztrade.dev.emulator.delivery.Outcome;
import io.ztrade.dev.emulator.delivery.Target;
import io.ztrade.dev.emulator.log.EventLog;
import io.ztrade.dev.emulator.manifest.ManifestException;
import io.ztrade.dev.emulator.manifest.Topology;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The PingSources of the manifests: what each emits and where, and firing them. Scheduling itself
 * is the caller's (Quarkus scheduler).
 */
public final class PingSources {

    private static final Logger LOG = Logger.getLogger(PingSources.class);

    /** The CloudEvent type of every PingSource event, as Knative sets it. */
    public static final String EVENT_TYPE = "dev.knative.sources.ping";

    /** Knative's PingSource sender retries a few times; no dead-letter sink. */
    private static final DeliveryPolicy POLICY =
            new DeliveryPolicy(3, DeliveryPolicy.Backoff.EXPONENTIAL, Duration.ofMillis(200), Duration.ofSeconds(30), null, false);

    /** One PingSource, compiled. */
    public static final class Ping {
        final PingSource source;
        final PingSchedule schedule;
        final Target sink;
        final byte[] data;
        volatile Instant lastFired;
        volatile String lastResult;

        Ping(PingSource source, PingSchedule schedule, Target sink, byte[] data) {
            this.source = source;
            this.schedule = schedule;
            this.sink = sink;
            this.data = data;
        }

        public String id() {
            return source.getMetadata().getNamespace() + "/" + source.getMetadata().getName();
        }

        public PingSource source() {
            return source;
        }

        public PingSchedule schedule() {
            return schedule;
        }

        public Target sink() {
            return sink;
        }

        public Optional<Instant> lastFired() {
            return Optional.ofNullable(lastFired);
        }

        public Optional<String> lastResult() {
            return Optional.ofNullable(lastResult);
        }
    }

    private final Map<String, Ping> pings = new LinkedHashMap<>();
    private final Eventing eventing;

    public PingSources(Topology topology, Eventing eventing) {
        this.eventing = eventing;
        for (PingSource p : topology.pingSources()) {
            Ping ping = compile(topology, p);
            pings.put(ping.id(), ping);
        }
    }

    /** Compiles one PingSource; fails naming the manifest and field. */
    public static Ping compile(Topology topology, PingSource p) {
        String where = topology.origin(p).map(m -> m.origin() + ": ").orElse("") + "PingSource "
                + p.getMetadata().getNamespace() + "/" + p.getMetadata().getName() + ":";
        var spec = p.getSpec();
        if (spec == null || spec.getSink() == null) {
            throw new ManifestException(where + " spec.sink: missing");
        }
        PingSchedule schedule;
        try {
            schedule = PingSchedule.parse(spec.getSchedule(), spec.getTimezone());
        } catch (IllegalArgumentException e) {
            throw new ManifestException(where + " " + e.getMessage(), e);
        }
        if (spec.getData() != null && spec.getDataBase64() != null) {
            throw new ManifestException(where + " spec.data and spec.dataBase64 are mutually exclusive");
        }
        byte[] data = null;
        if (spec.getData() != null) {
            data = spec.getData().getBytes(StandardCharsets.UTF_8);
        } else if (spec.getDataBase64() != null) {
            try {
                data = Base64.getDecoder().decode(spec.getDataBase64().strip());
            } catch (IllegalArgumentException e) {
                throw new ManifestException(where + " spec.dataBase64: not base64", e);
            }
        }
        Target sink = Routes.resolve(where + " spec.sink", p.getMetadata().getNamespace(), spec.getSink(), topology, EventLog.Via.PING);
        return new Ping(p, schedule, sink, data);
    }

    public List<Ping> all() {
        return new ArrayList<>(pings.values());
    }

    public Optional<Ping> find(String id) {
        return Optional.ofNullable(pings.get(id));
    }

    /** The event a PingSource emits at {@code time}, as Knative's PingSource adapter builds it. */
    public static CloudEvent event(Ping ping, OffsetDateTime time) {
        PingSource p = ping.source;
        CloudEventBuilder b = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(EVENT_TYPE)
                .withSource(URI.create("/apis/v1/namespaces/" + p.getMetadata().getNamespace() + "/pingsources/" + p.getMetadata().getName()))
                .withTime(time);
        if (ping.data != null) {
            String contentType = p.getSpec().getContentType();
            if (contentType != null && !contentType.isBlank()) {
                b.withDataContentType(contentType);
            }
            b.withData(ping.data);
        }
        if (p.getSpec().getCeOverrides() != null && p.getSpec().getCeOverrides().getExtensions() != null) {
            p.getSpec().getCeOverrides().getExtensions().forEach(b::withExtension);
        }
        return b.build();
    }

    /** Emits one event of {@code ping} now and waits until its sink took it (or gave up). */
    public Outcome fire(Ping ping) throws InterruptedException {
        CloudEvent event = event(ping, OffsetDateTime.now(ZoneOffset.UTC));
        ping.lastFired = Instant.now();
        Outcome o = eventing.deliverFromSource(ping.sink, event, POLICY);
        ping.lastResult = o.delivered() ? "delivered " + event.getId()
                : "not delivered: " + (o.last().statusCode() != null ? "status " + o.last().statusCode() : o.last().error());
        if (!o.delivered()) {
            LOG.warnf("PingSource %s: event %s %s", ping.id(), event.getId(), ping.lastResult);
        }
        return o;
    }
}
