package io.ztrade.dev.emulator.delivery;

import io.ztrade.dev.emulator.broker.BrokerKey;
import io.ztrade.dev.emulator.log.EventLog;
import java.net.URI;

/** A resolved {@code Destination}: where a delivery goes. */
public sealed interface Target {

    /** For the event log: {@code Service backtest}, {@code http://...}, ... */
    String describe();

    /** A plain URL ({@code uri:}). */
    record Url(URI uri) implements Target {
        @Override
        public String describe() {
            return uri.toString();
        }
    }

    /** A Knative Service ({@code serving.knative.dev/v1}): a replica from the serving emulation, scaled from zero if needed. */
    record KnativeService(String namespace, String name, String path) implements Target {
        @Override
        public String describe() {
            return "Service " + namespace + "/" + name + path;
        }
    }

    /** A Kubernetes Service ({@code v1}) in front of a Deployment. */
    record PlainService(String namespace, String name, String path) implements Target {
        @Override
        public String describe() {
            return "v1 Service " + namespace + "/" + name + path;
        }
    }

    /**
     * A Broker of this emulator: the event is appended to its topic, as its ingress would.
     *
     * @param via how the event log labels events arriving this way
     */
    record BrokerIngress(BrokerKey broker, EventLog.Via via) implements Target {
        @Override
        public String describe() {
            return "Broker " + broker;
        }
    }

    /** A KafkaSink: the event is written to its topic. */
    record KafkaTopic(String namespace, String sink, String topic, boolean structured) implements Target {
        @Override
        public String describe() {
            return "KafkaSink " + namespace + "/" + sink + " (topic " + topic + ")";
        }
    }
}
