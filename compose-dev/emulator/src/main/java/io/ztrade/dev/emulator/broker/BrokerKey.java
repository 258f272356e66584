package io.ztrade.dev.emulator.broker;

/** A Broker by namespace and name. */
public record BrokerKey(String namespace, String name) {

    /**
     * The Kafka topic holding the Broker's events, named as the Knative Kafka broker names it
     * ({@code knative-broker-<namespace>-<name>}).
     */
    public String topic() {
        return "knative-broker-" + namespace + "-" + name;
    }

    /** The ingress path, {@code /<namespace>/<name>}. */
    public String path() {
        return "/" + namespace + "/" + name;
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
