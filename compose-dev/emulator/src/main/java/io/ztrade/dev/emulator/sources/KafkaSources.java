package io.ztrade.dev.emulator.sources;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.fabric8.knative.sources.v1beta1.KafkaSource;
import io.ztrade.dev.emulator.broker.Dispatcher;
import io.ztrade.dev.emulator.broker.Eventing;
import io.ztrade.dev.emulator.broker.Routes;
import io.ztrade.dev.emulator.delivery.DeadLetters;
import io.ztrade.dev.emulator.delivery.DeliveryPolicy;
import io.ztrade.dev.emulator.delivery.Outcome;
import io.ztrade.dev.emulator.delivery.Target;
import io.ztrade.dev.emulator.log.EventLog;
import io.ztrade.dev.emulator.manifest.ManifestException;
import io.ztrade.dev.emulator.manifest.Topology;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.kafka.CloudEventKafka;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * The KafkaSources of the manifests: each reads its topics with its consumer group and sends every
 * record, as a CloudEvent, to its sink; offsets are committed once the sink took the event (or it
 * was dead-lettered). A record that is a CloudEvent (Kafka protocol binding, binary or structured
 * mode) is sent as it is; any other record is wrapped as Knative's KafkaSource wraps it.
 */
public final class KafkaSources implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaSources.class);

    /** The type of a wrapped (non-CloudEvent) record, as Knative sets it. */
    public static final String EVENT_TYPE = "dev.knative.kafka.event";

    /** One KafkaSource, compiled. */
    public record Source(KafkaSource source, Target sink, DeliveryPolicy delivery, Target deadLetterSink, String groupId,
            String initialOffset, AtomicLong forwarded, AtomicLong failed) {

        public String id() {
            return source.getMetadata().getNamespace() + "/" + source.getMetadata().getName();
        }
    }

    private final List<Source> sources = new ArrayList<>();
    private final List<Dispatcher> running = new ArrayList<>();
    private final Eventing eventing;

    public KafkaSources(Topology topology, Eventing eventing, Duration defaultTimeout) {
        this.eventing = eventing;
        for (KafkaSource k : topology.kafkaSources()) {
            sources.add(compile(topology, k, defaultTimeout));
        }
    }

    /** Compiles one KafkaSource; fails naming the manifest and field. */
    public static Source compile(Topology topology, KafkaSource k, Duration defaultTimeout) {
        String ns = k.getMetadata().getNamespace();
        String where = topology.origin(k).map(m -> m.origin() + ": ").orElse("") + "KafkaSource " + ns + "/"
                + k.getMetadata().getName() + ":";
        var spec = k.getSpec();
        if (spec == null || spec.getTopics() == null || spec.getTopics().isEmpty()) {
            throw new ManifestException(where + " spec.topics: missing");
        }
        if (spec.getSink() == null) {
            throw new ManifestException(where + " spec.sink: missing");
        }
        Target sink = Routes.resolve(where + " spec.sink", ns, spec.getSink(), topology, EventLog.Via.KAFKA_SOURCE);
        DeliveryPolicy delivery = Routes.policy(where + " spec.delivery", spec.getDelivery(), null, defaultTimeout);
        Target dls = delivery.deadLetterSink() == null ? null
                : Routes.resolve(where + " spec.delivery.deadLetterSink", ns, delivery.deadLetterSink(), topology, EventLog.Via.DEAD_LETTER);
        String initial = spec.getInitialOffset() == null ? "latest" : spec.getInitialOffset().strip().toLowerCase(Locale.ROOT);
        if (!initial.equals("latest") && !initial.equals("earliest")) {
            throw new ManifestException(where + " spec.initialOffset: expected earliest or latest, was '" + spec.getInitialOffset() + "'");
        }
        String group = spec.getConsumerGroup() != null && !spec.getConsumerGroup().isBlank() ? spec.getConsumerGroup()
                : "knative-kafka-source-" + ns + "-" + k.getMetadata().getName();
        return new Source(k, sink, delivery, dls, group, initial, new AtomicLong(), new AtomicLong());
    }

    public List<Source> all() {
        return List.copyOf(sources);
    }

    /** The topics the sources read (created if missing, so that producers and sources can start in any order). */
    public List<String> topics() {
        return sources.stream().flatMap(s -> s.source().getSpec().getTopics().stream()).distinct().toList();
    }

    /** Starts one consumer per source. */
    public synchronized void start(String bootstrapServers) {
        for (Source s : sources) {
            running.add(new Dispatcher("kafkasource-" + s.source().getMetadata().getNamespace() + "-" + s.source().getMetadata().getName(),
                    bootstrapServers, s.source().getSpec().getTopics(), s.groupId(), s.initialOffset(),
                    record -> forward(s, record), eventing.workers(), 1, true).start());
        }
    }

    private void forward(Source s, ConsumerRecord<String, byte[]> record) throws InterruptedException {
        CloudEvent event = toEvent(s.source(), record);
        Outcome o = eventing.deliverFromSource(s.sink(), event, s.delivery());
        if (o.delivered()) {
            s.forwarded().incrementAndGet();
            return;
        }
        s.failed().incrementAndGet();
        if (s.deadLetterSink() != null) {
            CloudEvent dl = DeadLetters.of(event, o.last().url(), o.last());
            Outcome d = eventing.deliverFromSource(s.deadLetterSink(), dl, s.delivery());
            if (d.delivered()) {
                return;
            }
        }
        LOG.errorf("KafkaSource %s: record %s-%d@%d (event %s) dropped: %s", s.id(), record.topic(), record.partition(),
                record.offset(), event.getId(), o.last().statusCode() != null ? "status " + o.last().statusCode() : o.last().error());
    }

    /**
     * The CloudEvent of a record: the record itself when it is a CloudEvent (binary mode, with
     * {@code ce_} headers, or structured mode), else a {@value #EVENT_TYPE} event wrapping it as
     * Knative does (id {@code partition:P/offset:O}, source
     * {@code /apis/v1/namespaces/NS/kafkasources/NAME#TOPIC}, subject {@code partition:P#O}, the key
     * as extension {@code key}, headers as {@code kafkaheader<name>} extensions). {@code ceOverrides}
     * extensions are applied to both.
     */
    public static CloudEvent toEvent(KafkaSource source, ConsumerRecord<String, byte[]> record) {
        CloudEvent event = null;
        if (CloudEventKafka.looksLikeCloudEvent(record)) {
            try {
                event = CloudEventKafka.read(record);
            } catch (InvalidEventException e) {
                LOG.debugf("record %s-%d@%d looks like a CloudEvent but is not (%s); wrapping it", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        CloudEventBuilder b = event != null ? CloudEventBuilder.v1(event) : wrap(source, record);
        var overrides = source.getSpec().getCeOverrides();
        if (overrides != null && overrides.getExtensions() != null) {
            overrides.getExtensions().forEach(b::withExtension);
        }
        return b.build();
    }

    private static CloudEventBuilder wrap(KafkaSource source, ConsumerRecord<String, byte[]> record) {
        CloudEventBuilder b = CloudEventBuilder.v1()
                .withId("partition:" + record.partition() + "/offset:" + record.offset())
                .withType(EVENT_TYPE)
                .withSource(URI.create("/apis/v1/namespaces/" + source.getMetadata().getNamespace() + "/kafkasources/"
                        + source.getMetadata().getName() + "#" + record.topic()))
                .withSubject("partition:" + record.partition() + "#" + record.offset())
                .withTime(OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC));
        if (record.key() != null) {
            b.withExtension("key", record.key());
        }
        String contentType = null;
        for (Header h : record.headers()) {
            String name = "kafkaheader" + h.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            String value = h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
            if (h.key().equalsIgnoreCase("content-type")) {
                contentType = value;
            }
            b.withExtension(name, value);
        }
        if (record.value() != null) {
            if (contentType != null) {
                b.withDataContentType(contentType);
            }
            b.withData(record.value());
        }
        return b;
    }

    public Map<String, Object> describe(Source s) {
        var spec = s.source().getSpec();
        return Map.of("namespace", s.source().getMetadata().getNamespace(), "name", s.source().getMetadata().getName(),
                "topics", spec.getTopics(), "consumerGroup", s.groupId(), "initialOffset", s.initialOffset(),
                "sink", s.sink().describe(), "forwarded", s.forwarded().get(), "failed", s.failed().get());
    }

    @Override
    public synchronized void close() {
        running.forEach(d -> d.stop(Duration.ZERO));
        running.forEach(Dispatcher::close);
        running.clear();
    }
}
