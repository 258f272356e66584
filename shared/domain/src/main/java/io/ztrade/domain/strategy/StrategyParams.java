package io.ztrade.domain.strategy;

import java.util.Map;

/** Typed, validated parameters of one strategy. */
public interface StrategyParams {

    /** The parameters as a JSON-friendly map, keyed by the names users send (e.g. {@code fast}). */
    Map<String, Object> asMap();
}
