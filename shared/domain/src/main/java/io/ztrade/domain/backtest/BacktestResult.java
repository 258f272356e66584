package io.ztrade.domain.backtest;

import java.util.List;

/**
 * What a backtest produced: every fill in order (an unmodifiable list), the metrics, and the number of
 * bars.
 */
public record BacktestResult(List<Fill> fills, Metrics metrics, int bars) {

    public BacktestResult {
        // the engine's own log is already unmodifiable; anything else is copied
        fills = fills instanceof FillLog ? fills : List.copyOf(fills);
    }
}
