package io.ztrade.events.payload;

import java.util.UUID;

/**
 * Data of {@code io.ztrade.backtest.completed}.
 *
 * @param runId   the stored {@code backtest_run}
 * @param request the request, as it ran
 * @param bars    bars the run covered
 * @param fills   simulated fills stored in {@code backtest_trade}
 * @param metrics the run's metrics
 */
public record BacktestCompleted(UUID runId, BacktestRequest request, int bars, int fills, BacktestMetrics metrics) {}
