package io.ztrade.domain.backtest;

import java.util.List;

/** What a backtest produced: every fill in order, and the metrics. */
public record BacktestResult(List<Fill> fills, Metrics metrics, int bars) {

    public BacktestResult {
        fills = List.copyOf(fills);
    }
}
