package io.ztrade.events.payload;

import java.time.Instant;

/**
 * Data of {@code io.ztrade.signal.generated}: one agent's decision at one bar.
 *
 * @param agentId      the trading agent
 * @param symbol       instrument
 * @param strategy     strategy id
 * @param action       {@code BUY}, {@code SELL} or {@code HOLD}
 * @param score        the strategy's score (null when it has none)
 * @param confidence   confidence in [0, 1] (null when it has none)
 * @param sizeFraction share of cash committed to a BUY
 * @param barTime      open time of the bar the signal was computed on
 * @param orderId      the order sent for it, if any
 */
public record SignalGenerated(
        String agentId, String symbol, String strategy, String action, Double score, Double confidence,
        double sizeFraction, Instant barTime, String orderId) {}
