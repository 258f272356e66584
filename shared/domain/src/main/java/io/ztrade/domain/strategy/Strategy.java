package io.ztrade.domain.strategy;

import io.ztrade.domain.market.BarSeries;

/**
 * A trading strategy. The backtest engine and the live trading loop run the same object: the loop
 * calls {@link Evaluator#onBar} at each bar's close, the engine evaluates the bars in blocks with
 * {@link Evaluator#onBars}, which must give the same signals.
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
         * {@link #onBar} for each would, and reports the bars whose signal is a BUY or a SELL: the
         * k-th such bar's index in {@code indexes[k]} and its signal in {@code signals[k]}, in bar
         * order. HOLDs are not reported. Both arrays have room for {@code to - from} elements.
         *
         * <p>The backtest engine evaluates in blocks this way, so that neither side touches the bars
         * in between; evaluators whose per-bar state is a few numbers override it with a loop that
         * keeps that state in local variables. The result must not differ from the
         * one-bar-at-a-time path.
         *
         * @return how many bars were reported
         */
        default int onBars(BarSeries series, int from, int to, int[] indexes, Signal[] signals) {
            int count = 0;
            for (int i = from; i < to; i++) {
                Signal signal = onBar(series, i);
                if (signal.action() != Action.HOLD) {
                    indexes[count] = i;
                    signals[count] = signal;
                    count++;
                }
            }
            return count;
        }
    }
}
