package io.ztrade.events.payload;

import java.util.List;
import java.util.UUID;

/**
 * Data of {@code io.ztrade.backtest.sweep.completed}.
 *
 * @param sweepId   the sweep
 * @param request   the sweep request
 * @param metric    the ranking metric
 * @param total     runs fanned out
 * @param succeeded runs that completed
 * @param failed    runs that replied {@code backtest.failed}
 * @param skipped   grid combinations whose parameters were invalid (e.g. fast >= slow), not run
 * @param top       the best runs by {@code metric}, best first
 */
public record SweepCompleted(
        UUID sweepId, SweepRequest request, String metric, int total, int succeeded, int failed, int skipped,
        List<SweepResult> top) {}
