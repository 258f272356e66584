package io.ztrade.dev.emulator.delivery;

/**
 * The end of a delivery: {@code delivered} or not, after {@code attempts} attempts, with the last
 * attempt's result.
 */
public record Outcome(boolean delivered, int attempts, AttemptResult last) {}
