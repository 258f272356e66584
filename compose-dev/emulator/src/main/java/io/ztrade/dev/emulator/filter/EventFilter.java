package io.ztrade.dev.emulator.filter;

import io.cloudevents.CloudEvent;

/** A Trigger filter, compiled: decides whether an event is delivered to the Trigger's subscriber. */
@FunctionalInterface
public interface EventFilter {

    /** Passes every event (a Trigger without filters). */
    EventFilter ANY = new EventFilter() {
        @Override
        public boolean test(CloudEvent event) {
            return true;
        }

        @Override
        public String toString() {
            return "any event";
        }
    };

    boolean test(CloudEvent event);
}
