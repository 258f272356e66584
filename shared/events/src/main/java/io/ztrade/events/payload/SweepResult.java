package io.ztrade.events.payload;

import java.util.Map;
import java.util.UUID;

/** One ranked run of a sweep. */
public record SweepResult(int rank, UUID runId, Map<String, Object> params, BacktestMetrics metrics) {}
