package io.ztrade.domain.strategy;

import io.ztrade.domain.market.BarSeries;

/**
 * A trading strategy. The backtest engine and the live trading loop run the same object: both call
 * {@link Evaluator#onBar} once for every bar, in order, at the bar's close.
 *
 * <p>Implementations are immutable and thread-safe; per-run state lives in the {@link Evaluator}.
 */
public interface Strategy {

    /** The strategy id users name in events, e.g. {@code sma-crossover}. */
    String id();

    /** The validated parameters this instance was built with. */
    StrategyParams params();

    /** Bars needed before the first signal can be non-HOLD. */
    int warmupBars();

    /** A fresh evaluator for one series (one backtest run, or one live agent). */
    Evaluator newEvaluator();

    /**
     * Incremental per-series state (rolling sums and the like). Not thread-safe.
     */
    interface Evaluator {
        /**
         * Called once for each index 0, 1, 2, ... of {@code series}, at that bar's close. May read
         * bars {@code <= index} only: no look-ahead.
         */
        Signal onBar(BarSeries series, int index);

        /**
         * Evaluates bars {@code from, from + 1, ..., to - 1} in order, exactly as calling
         * {@link #onBar} for each would, and stores the signal of bar {@code i} in
         * {@code signals[i - from]}. The backtest engine evaluates in blocks this way; evaluators whose
         * per-bar state is a few numbers override it with a loop that keeps that state in local
         * variables. The result must not differ from the one-bar-at-a-time path.
         */
        default void onBars(BarSeries series, int from, int to, Signal[] signals) {
            for (int i = from; i < to; i++) {
                signals[i - from] = onBar(series, i);
            }
        }
    }
}
