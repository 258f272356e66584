package io.ztrade.dev.emulator.broker;

import io.fabric8.knative.eventing.v1.Broker;
import io.ztrade.dev.emulator.delivery.DeliveryPolicy;
import io.ztrade.dev.emulator.delivery.Target;
import java.util.List;

/**
 * A Broker compiled for dispatch: its topic, its own delivery (the Triggers' fallback) and its
 * Triggers.
 */
public record BrokerRuntime(BrokerKey key, Broker broker, String brokerClass, int partitions, DeliveryPolicy delivery,
        Target deadLetterSink, List<TriggerRuntime> triggers) {

    public BrokerRuntime {
        triggers = List.copyOf(triggers);
    }
}
