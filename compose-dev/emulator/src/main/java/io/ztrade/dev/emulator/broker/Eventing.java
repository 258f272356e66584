package io.ztrade.dev.emulator.broker;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.ztrade.dev.emulator.delivery.AttemptResult;
import io.ztrade.dev.emulator.delivery.DeadLetters;
import io.ztrade.dev.emulator.delivery.DeliveryPolicy;
import io.ztrade.dev.emulator.delivery.Outcome;
import io.ztrade.dev.emulator.delivery.Sender;
import io.ztrade.dev.emulator.delivery.Target;
import io.ztrade.dev.emulator.log.EventLog;
import io.ztrade.dev.emulator.log.Views;
import io.ztrade.events.trace.EventTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The brokers of the emulator: durable appends (the ingress, replies, sources), one dispatcher
 * per broker, and per matching Trigger a delivery with retries, dead letters and replies, every
 * step recorded in the {@link EventLog}.
 */
public final class Eventing implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Eventing.class);

    /** Extension counting how many replies led to an event: the loop guard. */
    public static final String HOPS = "ztradehops";

    /**
     * @param maxHops     replies beyond this depth are dropped (loop guard)
     * @param maxInFlight records a dispatcher handles at once before it pauses reading
     * @param drain       how long deliveries in flight may finish when the emulator stops
     */
    public record Settings(int maxHops, int maxInFlight, Duration drain, short replicationFactor) {}

    private final Map<BrokerKey, BrokerRuntime> brokers;
    private final KafkaEvents kafka;
    private final EventLog log;
    private final Settings settings;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ztrade-delivery-", 0).factory());
    private final Map<BrokerKey, Dispatcher> dispatchers = new LinkedHashMap<>();
    private final Tracer tracer;
    private Sender sender;

    /**
     * @param tracer records a span per delivery (and a creation span for an event that arrives
     *               without a trace); a no-op tracer records none and traces still pass through
     */
    public Eventing(Map<BrokerKey, BrokerRuntime> brokers, KafkaEvents kafka, EventLog log, Settings settings, Tracer tracer) {
        this.brokers = new LinkedHashMap<>(brokers);
        this.kafka = kafka;
        this.log = log;
        this.settings = settings;
        this.tracer = tracer;
    }

    /** Creates the brokers' topics (and those of {@code extraTopics}), then starts one dispatcher per broker. */
    public synchronized void start(Sender sender, Map<String, Integer> extraTopics) {
        this.sender = sender;
        Map<String, Integer> topics = new LinkedHashMap<>(extraTopics);
        brokers.values().forEach(b -> topics.put(b.key().topic(), b.partitions()));
        kafka.createTopics(topics, settings.replicationFactor());
        for (BrokerRuntime b : brokers.values()) {
            dispatchers.put(b.key(), new Dispatcher("broker-" + b.key().namespace() + "-" + b.key().name(), kafka.bootstrapServers(),
                    List.of(b.key().topic()), "ztrade-emulator-broker-" + b.key().namespace() + "-" + b.key().name(), "earliest",
                    record -> dispatch(b, record), workers, settings.maxInFlight(), false).start());
        }
    }

    public Map<BrokerKey, BrokerRuntime> brokers() {
        return brokers;
    }

    public Optional<BrokerRuntime> broker(BrokerKey key) {
        return Optional.ofNullable(brokers.get(key));
    }

    /** Records of {@code broker}'s topic read (or handed over) and not finished yet. */
    public int inFlight(BrokerKey broker) {
        Dispatcher d = dispatchers.get(broker);
        return d == null ? 0 : d.inFlight();
    }

    public EventLog log() {
        return log;
    }

    public ExecutorService workers() {
        return workers;
    }

    /**
     * Appends {@code event} to {@code broker}'s topic; completes (with its log entry) once Kafka
     * acknowledged it, which is when the ingress may answer 202.
     *
     * <p>Every stored event names the trace it started in (the distributed tracing extension): its
     * own, or else the current span's (the ingress request, the delivery a reply answers), or else
     * a new trace whose first span is this creation.
     */
    public CompletableFuture<EventLog.Entry> append(BrokerKey broker, CloudEvent received, EventLog.Via via, Views.Cause cause) {
        if (!brokers.containsKey(broker)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown broker " + broker));
        }
        BrokerRuntime runtime = brokers.get(broker);
        CloudEvent event = traced(received);
        return kafka.send(broker.topic(), event, false).thenApply(md -> {
            EventLog.Entry entry = log.accepted(broker, event, via, cause, md.partition(), md.offset());
            Dispatcher d = dispatchers.get(broker);
            if (d != null) {
                // Stored: start delivering now rather than when the consumer fetches it back.
                d.handOver(new TopicPartition(md.topic(), md.partition()), md.offset(), () -> {
                    dispatch(runtime, event, md.partition(), md.offset());
                    return null;
                });
            }
            return entry;
        });
    }

    private CloudEvent traced(CloudEvent event) {
        CloudEvent traced = EventTrace.startedIn(event, Context.current());
        if (traced.getExtension(EventTrace.TRACEPARENT) != null) {
            return traced;
        }
        Span create = tracer.spanBuilder("create " + event.getType()).setNoParent().setSpanKind(SpanKind.PRODUCER)
                .setAllAttributes(attributes(event)).startSpan();
        try {
            return EventTrace.startedIn(event, Context.root().with(create));
        } finally {
            create.end();
        }
    }

    /** OpenTelemetry's semantic conventions for CloudEvents. */
    private static Attributes attributes(CloudEvent event) {
        AttributesBuilder a = Attributes.builder().put("cloudevents.event_id", event.getId())
                .put("cloudevents.event_source", event.getSource().toString()).put("cloudevents.event_type", event.getType())
                .put("cloudevents.event_spec_version", event.getSpecVersion().toString());
        if (event.getSubject() != null) {
            a.put("cloudevents.event_subject", event.getSubject());
        }
        return a.build();
    }

    private void dispatch(BrokerRuntime broker, ConsumerRecord<String, byte[]> record) throws InterruptedException {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            LOG.warnf("broker %s: record %d@%d is not a CloudEvent, skipped: %s", broker.key(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        dispatch(broker, event, record.partition(), record.offset());
    }

    /** Evaluates every Trigger of {@code broker} on the event and delivers it to each that matches, in parallel. */
    private void dispatch(BrokerRuntime broker, CloudEvent event, int partition, long offset) throws InterruptedException {
        EventLog.Entry entry = log.dispatching(broker.key(), event, partition, offset);
        List<TriggerRuntime> matched = new ArrayList<>();
        for (TriggerRuntime t : broker.triggers()) {
            try {
                if (t.filter().test(event)) {
                    matched.add(t);
                }
            } catch (RuntimeException e) {
                LOG.warnf("trigger %s: filter failed on event %s, not matched: %s", t.name(), event.getId(), e.getMessage());
            }
        }
        log.matched(entry, matched.stream().map(TriggerRuntime::name).toList());
        if (matched.size() == 1) {
            deliver(broker, matched.get(0), event, entry);
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (TriggerRuntime t : matched) {
            running.add(workers.submit(() -> {
                deliver(broker, t, event, entry);
                return null;
            }));
        }
        try {
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    LOG.errorf(e.getCause(), "delivery of %s failed unexpectedly", event.getId());
                }
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            throw e;
        }
    }

    /**
     * One Trigger's delivery as a span in the trace the event started in: the subscriber gets it as
     * its {@code traceparent} header, a reply starts in it.
     */
    private void deliver(BrokerRuntime broker, TriggerRuntime t, CloudEvent event, EventLog.Entry entry) throws InterruptedException {
        Span span = tracer.spanBuilder(t.name() + " deliver").setParent(EventTrace.started(event)).setSpanKind(SpanKind.CLIENT)
                .setAllAttributes(attributes(event)).setAttribute("messaging.destination.name", broker.key().path())
                .setAttribute("ztrade.trigger", t.name()).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            String status = deliverTraced(broker, t, event, entry);
            span.setAttribute("ztrade.delivery.status", status);
            if (!"delivered".equals(status)) {
                span.setStatus(StatusCode.ERROR, status);
            }
        } finally {
            span.end();
        }
    }

    /** Delivers, dead-letters or drops; returns the delivery's final status as the log records it. */
    private String deliverTraced(BrokerRuntime broker, TriggerRuntime t, CloudEvent event, EventLog.Entry entry)
            throws InterruptedException {
        EventLog.DeliveryRecord d = log.delivery(entry, t.name(), t.subscriber().describe());
        Outcome outcome = sender.deliver(t.subscriber(), event, t.delivery(), true,
                (n, at, r) -> log.attempt(entry, d, r.url(), new Views.Attempt(n, at, r.statusCode(), round(r.latencyMs()),
                        r.error() != null ? r.error() : r.replyError(),
                        t.subscriber() instanceof Target.KnativeService ? round(r.activationMs()) : null)));
        if (outcome.delivered()) {
            String note = null;
            if (outcome.last().reply() != null) {
                note = reply(broker, t, event, entry, d, outcome.last().reply());
            } else if (outcome.last().replyError() != null) {
                note = outcome.last().replyError();
            }
            log.finished(entry, d, "delivered", note);
            return "delivered";
        }
        String reason = reason(outcome);
        if (t.deadLetterSink() == null) {
            LOG.warnf("trigger %s: event %s (%s) dropped, no dead-letter sink: %s", t.name(), event.getId(), event.getType(), reason);
            log.finished(entry, d, "dropped", "no dead-letter sink; " + reason);
            return "dropped";
        }
        CloudEvent deadLetter = DeadLetters.of(event, outcome.last().url(), outcome.last());
        DeliveryPolicy dlsPolicy = new DeliveryPolicy(t.delivery().retry(), t.delivery().backoff(), t.delivery().backoffDelay(),
                t.delivery().timeout(), null, false);
        Outcome dl = sender.deliver(t.deadLetterSink(), deadLetter, dlsPolicy, false, (n, at, r) -> { });
        String dlError = dl.delivered() ? null : reason(dl);
        log.deadLettered(entry, d, deadLetter, t.deadLetterSink().describe(), dl.delivered(), dlError);
        if (dl.delivered()) {
            LOG.infof("trigger %s: event %s (%s) dead-lettered to %s: %s", t.name(), event.getId(), event.getType(),
                    t.deadLetterSink().describe(), reason);
            log.finished(entry, d, "dead-lettered", reason);
            return "dead-lettered";
        } else {
            LOG.errorf("trigger %s: event %s (%s) dropped: the dead-letter sink %s failed too: %s", t.name(), event.getId(),
                    event.getType(), t.deadLetterSink().describe(), dlError);
            log.finished(entry, d, "dropped", reason + "; dead-letter sink failed: " + dlError);
            return "dropped";
        }
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }

    private static String reason(Outcome o) {
        AttemptResult last = o.last();
        return last.statusCode() != null
                ? "last status " + last.statusCode() + " after " + o.attempts() + " attempt(s)"
                : (last.error() == null ? "no response" : last.error()) + " after " + o.attempts() + " attempt(s)";
    }

    /** Sends a subscriber's reply back into the broker; returns a note when it was not. */
    private String reply(BrokerRuntime broker, TriggerRuntime t, CloudEvent event, EventLog.Entry entry, EventLog.DeliveryRecord d,
            CloudEvent reply) throws InterruptedException {
        int hops = hops(event) + 1;
        if (hops > settings.maxHops()) {
            LOG.warnf("trigger %s: reply %s (%s) to event %s dropped by the loop guard: %d replies deep (limit %d)", t.name(),
                    reply.getId(), reply.getType(), event.getId(), hops, settings.maxHops());
            return "reply " + reply.getType() + " dropped by the loop guard: " + hops + " replies deep (limit " + settings.maxHops() + ")";
        }
        CloudEvent hopped = CloudEventBuilder.v1(reply).withExtension(HOPS, String.valueOf(hops)).build();
        Views.Cause cause = new Views.Cause(entry.seq(), event.getId(), event.getSource().toString(), event.getType(), t.name());
        try {
            EventLog.Entry stored = append(broker.key(), hopped, EventLog.Via.REPLY, cause).get(30, TimeUnit.SECONDS);
            log.replied(entry, d, stored);
            return null;
        } catch (ExecutionException | TimeoutException e) {
            Throwable c = e instanceof ExecutionException ? e.getCause() : e;
            LOG.errorf("trigger %s: reply %s could not be stored: %s", t.name(), reply.getId(), c.getMessage());
            return "reply " + reply.getType() + " not stored: " + c.getMessage();
        }
    }

    /** The event's depth in a reply chain (0 when it is not a reply). */
    public static int hops(CloudEvent event) {
        Object v = event.getExtension(HOPS);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v.toString().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Delivers with the given policy and target, for sources: no log, no dead letters. */
    public Outcome deliverFromSource(Target target, CloudEvent event, DeliveryPolicy policy) throws InterruptedException {
        return sender.deliver(target, event, policy, false, (n, at, r) -> { });
    }

    /**
     * Stops reading; deliveries in flight get the configured drain time, whatever has not finished
     * by then stays uncommitted and is delivered again after the next start.
     */
    @Override
    public synchronized void close() {
        dispatchers.values().forEach(d -> d.stop(settings.drain()));
        long deadline = System.nanoTime() + settings.drain().toNanos() + 2_000_000_000L;
        for (Dispatcher d : dispatchers.values()) {
            try {
                d.await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.shutdownNow();
        dispatchers.values().forEach(Dispatcher::close);
        dispatchers.clear();
    }
}
