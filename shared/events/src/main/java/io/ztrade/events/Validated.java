package io.ztrade.events;

/** A payload that checks itself after decoding. */
public interface Validated {

    /** @throws InvalidEventException naming the first offending field */
    void validate();
}
