package io.ztrade.dev.emulator.delivery;

/** Told about every attempt as it ends (the event log records them). */
@FunctionalInterface
public interface AttemptListener {

    AttemptListener NONE = (attempt, at, result) -> { };

    void attempted(int attempt, java.time.Instant at, AttemptResult result);
}
