package io.ztrade.dev.emulator.broker;

import io.fabric8.knative.eventing.v1.Trigger;
import io.ztrade.dev.emulator.delivery.DeliveryPolicy;
import io.ztrade.dev.emulator.delivery.Target;
import io.ztrade.dev.emulator.filter.EventFilter;

/** A Trigger compiled for dispatch: its filter, resolved subscriber and delivery policy. */
public record TriggerRuntime(
        Trigger trigger, BrokerKey broker, EventFilter filter, Target subscriber, DeliveryPolicy delivery, Target deadLetterSink) {

    public String namespace() {
        return trigger.getMetadata().getNamespace();
    }

    public String name() {
        return trigger.getMetadata().getName();
    }
}
