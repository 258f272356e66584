package io.ztrade.dev.emulator.broker;

import io.fabric8.knative.duck.v1.Destination;
import io.fabric8.knative.duck.v1.KReference;
import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.eventing.v1alpha1.KafkaSink;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.ztrade.dev.emulator.delivery.DeliveryPolicy;
import io.ztrade.dev.emulator.delivery.Target;
import io.ztrade.dev.emulator.filter.EventFilter;
import io.ztrade.dev.emulator.filter.Filters;
import io.ztrade.dev.emulator.filter.InvalidFilterException;
import io.ztrade.dev.emulator.log.EventLog;
import io.ztrade.dev.emulator.manifest.ManifestException;
import io.ztrade.dev.emulator.manifest.Topology;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compiles the manifests' Brokers and Triggers into {@link BrokerRuntime}s, resolving every
 * {@code Destination}. What a Knative webhook or reconciler would refuse (a Trigger on a Broker
 * that does not exist, a filter that does not compile, a malformed duration) fails here with a
 * message naming the manifest and the field.
 */
public final class Routes {

    /** Annotation naming the broker implementation. */
    public static final String BROKER_CLASS = "eventing.knative.dev/broker.class";

    private Routes() {}

    public static Map<BrokerKey, BrokerRuntime> compile(Topology topology, Duration defaultTimeout, int defaultPartitions) {
        Map<BrokerKey, BrokerRuntime> out = new LinkedHashMap<>();
        for (Broker broker : topology.brokers()) {
            BrokerKey key = new BrokerKey(broker.getMetadata().getNamespace(), broker.getMetadata().getName());
            String where = where(topology, broker, "Broker " + key);
            var spec = broker.getSpec();
            DeliveryPolicy delivery = policy(where + " spec.delivery", spec == null ? null : spec.getDelivery(), null, defaultTimeout);
            Target dls = delivery.deadLetterSink() == null ? null
                    : resolve(where + " spec.delivery.deadLetterSink", key.namespace(), delivery.deadLetterSink(), topology,
                    EventLog.Via.DEAD_LETTER);
            List<TriggerRuntime> triggers = new ArrayList<>();
            for (Trigger t : topology.triggers()) {
                if (key.equals(brokerOf(t))) {
                    triggers.add(trigger(topology, t, key, spec == null ? null : spec.getDelivery(), dls, defaultTimeout));
                }
            }
            String brokerClass = broker.getMetadata().getAnnotations() == null ? null
                    : broker.getMetadata().getAnnotations().get(BROKER_CLASS);
            out.put(key, new BrokerRuntime(key, broker, brokerClass == null ? "MTChannelBasedBroker" : brokerClass,
                    partitions(topology, broker, defaultPartitions), delivery, dls, triggers));
        }
        for (Trigger t : topology.triggers()) {
            BrokerKey key = brokerOf(t);
            if (key == null) {
                throw new ManifestException(where(topology, t, "Trigger " + t.getMetadata().getName()) + " spec.broker: missing");
            }
            if (!out.containsKey(key)) {
                throw new ManifestException(where(topology, t, "Trigger " + t.getMetadata().getName())
                        + " spec.broker: no Broker " + key + " in the manifests");
            }
        }
        return out;
    }

    /** The Broker a Trigger subscribes to ({@code spec.broker} or {@code spec.brokerRef}), or {@code null}. */
    public static BrokerKey brokerOf(Trigger t) {
        if (t.getSpec() == null) {
            return null;
        }
        String ns = t.getMetadata().getNamespace();
        if (t.getSpec().getBroker() != null && !t.getSpec().getBroker().isBlank()) {
            return new BrokerKey(ns, t.getSpec().getBroker());
        }
        KReference ref = t.getSpec().getBrokerRef();
        if (ref != null && ref.getName() != null) {
            return new BrokerKey(ref.getNamespace() == null ? ns : ref.getNamespace(), ref.getName());
        }
        return null;
    }

    private static TriggerRuntime trigger(Topology topology, Trigger t, BrokerKey broker, io.fabric8.knative.duck.v1.DeliverySpec brokerDelivery,
            Target brokerDls, Duration defaultTimeout) {
        String where = where(topology, t, "Trigger " + t.getMetadata().getNamespace() + "/" + t.getMetadata().getName());
        EventFilter filter;
        try {
            filter = Filters.compile(t.getSpec());
        } catch (InvalidFilterException e) {
            throw new ManifestException(where + " " + e.getMessage(), e);
        }
        if (t.getSpec().getSubscriber() == null) {
            throw new ManifestException(where + " spec.subscriber: missing");
        }
        Target subscriber = resolve(where + " spec.subscriber", t.getMetadata().getNamespace(), t.getSpec().getSubscriber(), topology,
                EventLog.Via.FORWARD);
        DeliveryPolicy delivery = policy(where + " spec.delivery", t.getSpec().getDelivery(), brokerDelivery, defaultTimeout);
        Target dls = brokerDls;
        if (t.getSpec().getDelivery() != null && t.getSpec().getDelivery().getDeadLetterSink() != null) {
            dls = resolve(where + " spec.delivery.deadLetterSink", t.getMetadata().getNamespace(),
                    t.getSpec().getDelivery().getDeadLetterSink(), topology, EventLog.Via.DEAD_LETTER);
        }
        return new TriggerRuntime(t, broker, filter, subscriber, delivery, dls);
    }

    /** A delivery spec resolved against its fallback; malformed values fail naming the field. */
    public static DeliveryPolicy policy(String where, io.fabric8.knative.duck.v1.DeliverySpec own,
            io.fabric8.knative.duck.v1.DeliverySpec fallback, Duration defaultTimeout) {
        try {
            return DeliveryPolicy.resolve(where, own, fallback, defaultTimeout);
        } catch (IllegalArgumentException e) {
            throw new ManifestException(e.getMessage(), e);
        }
    }

    /**
     * Resolves a {@code Destination} of a resource in {@code namespace}: {@code uri} alone, or a
     * {@code ref} (Knative Service, Kubernetes Service, Broker, KafkaSink) with an optional relative
     * {@code uri} appended.
     */
    public static Target resolve(String where, String namespace, Destination d, Topology topology, EventLog.Via via) {
        KReference ref = d.getRef();
        String uri = d.getUri();
        if (ref == null) {
            if (uri == null || uri.isBlank()) {
                throw new ManifestException(where + ": needs ref or uri");
            }
            URI u;
            try {
                u = new URI(uri.strip());
            } catch (java.net.URISyntaxException e) {
                throw new ManifestException(where + ".uri: not a URI: " + e.getMessage());
            }
            if (!u.isAbsolute() || u.getHost() == null) {
                throw new ManifestException(where + ".uri: must be absolute without a ref, was '" + uri + "'");
            }
            return new Target.Url(u);
        }
        String ns = ref.getNamespace() == null || ref.getNamespace().isBlank() ? namespace : ref.getNamespace();
        String kind = Objects.requireNonNullElse(ref.getKind(), "");
        String apiVersion = Objects.requireNonNullElse(ref.getApiVersion(), "");
        String path = uri == null ? "" : uri.strip();
        if (ref.getName() == null || ref.getName().isBlank()) {
            throw new ManifestException(where + ".ref.name: missing");
        }
        switch (kind) {
            case "Service":
                if (apiVersion.startsWith("serving.knative.dev/")) {
                    return new Target.KnativeService(ns, ref.getName(), path);
                }
                if (apiVersion.equals("v1") || apiVersion.isEmpty()) {
                    return new Target.PlainService(ns, ref.getName(), path);
                }
                break;
            case "Broker":
                if (topology.find(Broker.class, ns, ref.getName()).isEmpty()) {
                    throw new ManifestException(where + ".ref: no Broker " + ns + "/" + ref.getName() + " in the manifests");
                }
                return new Target.BrokerIngress(new BrokerKey(ns, ref.getName()), via);
            case "KafkaSink": {
                KafkaSink sink = topology.find(KafkaSink.class, ns, ref.getName()).orElseThrow(() ->
                        new ManifestException(where + ".ref: no KafkaSink " + ns + "/" + ref.getName() + " in the manifests"));
                if (sink.getSpec() == null || sink.getSpec().getTopic() == null) {
                    throw new ManifestException("KafkaSink " + ns + "/" + ref.getName() + " spec.topic: missing");
                }
                return new Target.KafkaTopic(ns, ref.getName(), sink.getSpec().getTopic(),
                        "structured".equalsIgnoreCase(sink.getSpec().getContentMode()));
            }
            default:
                break;
        }
        throw new ManifestException(where + ".ref: " + apiVersion + " " + kind + " is not an addressable the emulator knows"
                + " (Knative Service, v1 Service, Broker, KafkaSink)");
    }

    private static int partitions(Topology topology, Broker broker, int defaultPartitions) {
        if (broker.getSpec() == null || broker.getSpec().getConfig() == null) {
            return defaultPartitions;
        }
        KReference config = broker.getSpec().getConfig();
        if (!"ConfigMap".equals(config.getKind())) {
            return defaultPartitions;
        }
        String ns = config.getNamespace() == null ? broker.getMetadata().getNamespace() : config.getNamespace();
        return topology.find(ConfigMap.class, ns, config.getName())
                .map(ConfigMap::getData)
                .map(data -> data.get("default.topic.partitions"))
                .map(v -> {
                    try {
                        return Integer.parseInt(v.strip());
                    } catch (NumberFormatException e) {
                        throw new ManifestException("ConfigMap " + ns + "/" + config.getName()
                                + " data.default.topic.partitions: not a number: '" + v + "'");
                    }
                })
                .orElse(defaultPartitions);
    }

    private static String where(Topology topology, io.fabric8.kubernetes.api.model.HasMetadata r, String what) {
        return topology.origin(r).map(m -> m.origin() + ": " + what).orElse(what) + ":";
    }
}
